package vn.ioc.console.map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import vn.ioc.console.TestUsers;
import vn.ioc.console.WebSliceConfig;
import vn.ioc.console.security.AppUserRepository;
import vn.ioc.console.security.AppUserRepository.Role;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest
@Import(WebSliceConfig.class)
class MapApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void wardsArePublicGeoJsonOfAll152WardsWithNamesDistrictsAndPopulation() throws Exception {
        mvc.perform(get("/api/wards"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/geo+json"))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=86400, public"))
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features.length()").value(152))
                .andExpect(jsonPath("$.features[0].type").value("Feature"))
                .andExpect(jsonPath("$.features[0].geometry.type").value("Polygon"))
                .andExpect(jsonPath("$.features[0].properties.name").value("Phường Phú Thuận"))
                .andExpect(jsonPath("$.features[0].properties.district").value("Thành phố Huế"))
                .andExpect(jsonPath("$.features[0].properties.population").value(7657));
    }

    @Test
    void wardNamesAreTheCorrectedOnes() throws Exception {
        mvc.perform(get("/api/wards"))
                .andExpect(jsonPath("$.features[*].properties.name").value(hasItem("Phường Đúc")))
                .andExpect(jsonPath("$.features[*].properties.name").value(not(hasItem("Phường Phường Đúc"))));
    }

    @Test
    void wardsAnswer304WhenTheBrowserHasThem() throws Exception {
        String etag = mvc.perform(get("/api/wards")).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        mvc.perform(get("/api/wards").header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified());
    }

    @Test
    void mapConfigNeedsALogin() throws Exception {
        mvc.perform(get("/api/map-config")).andExpect(status().isUnauthorized());
    }

    @Test
    void citizensFormReadsTheSameMapConfigWithoutLogin() throws Exception {
        mvc.perform(get("/public/map-config.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tileUrl").value("https://tile.openstreetmap.org/{z}/{x}/{y}.png"));
    }

    @Test
    void mapConfigCentresOnHue() throws Exception {
        String supervisor = TestUsers.create(users, encoder, Role.SUPERVISOR);
        mvc.perform(get("/api/map-config").with(httpBasic(supervisor, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tileUrl").value("https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
                .andExpect(jsonPath("$.attribution").isNotEmpty())
                .andExpect(jsonPath("$.center.lat").value(16.4637))
                .andExpect(jsonPath("$.center.lon").value(107.5909))
                .andExpect(jsonPath("$.zoom").value(13));
    }
}
