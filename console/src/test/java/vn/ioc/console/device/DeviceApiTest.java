package vn.ioc.console.device;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import vn.ioc.console.TestIncidents;
import vn.ioc.console.TestUsers;
import vn.ioc.console.WebSliceConfig;
import vn.ioc.console.security.AppUserRepository;
import vn.ioc.console.security.AppUserRepository.Role;
import vn.ioc.ingest.testing.TestDatabase;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest
@Import(WebSliceConfig.class)
class DeviceApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestDatabase db;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void devicesNeedALogin() throws Exception {
        mvc.perform(get("/api/devices")).andExpect(status().isUnauthorized());
    }

    @Test
    void devicesCarryTheirSitesPlaceAndState() throws Exception {
        String site = "dev-site-" + System.nanoTime();
        TestIncidents.register(db, TestIncidents.birth(site, "Ngã tư Lê Duẩn", 16.47, 107.58), "Phường Tây Lộc");
        String admin = TestUsers.create(users, encoder, Role.ADMIN);

        String camera = "$[?(@.id == '" + site + "/cam-1')]";
        mvc.perform(get("/api/devices").with(httpBasic(admin, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath(camera + ".site").value(hasItem(site)))
                .andExpect(jsonPath(camera + ".siteName").value(hasItem("Ngã tư Lê Duẩn")))
                .andExpect(jsonPath(camera + ".device").value(hasItem("cam-1")))
                .andExpect(jsonPath(camera + ".kind").value(hasItem("camera")))
                .andExpect(jsonPath(camera + ".type").value(hasItem("traffic")))
                .andExpect(jsonPath(camera + ".lat").value(hasItem(16.47)))
                .andExpect(jsonPath(camera + ".lon").value(hasItem(107.58)))
                .andExpect(jsonPath(camera + ".ward").value(hasItem("Phường Tây Lộc")))
                .andExpect(jsonPath(camera + ".online").value(hasItem(true)))
                .andExpect(jsonPath(camera + ".public").value(hasItem(true)))
                .andExpect(jsonPath(camera + ".lastSeen").value(hasItem(endsWith("Z"))))
                .andExpect(jsonPath("$[?(@.id == '" + site + "/aq-1')].kind").value(hasItem("sensor")))
                .andExpect(jsonPath("$[?(@.id == '" + site + "/aq-1')].public").value(hasItem(false)));
    }
}
