package vn.ioc.console.agency;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import vn.ioc.console.TestUsers;
import vn.ioc.console.WebSliceConfig;
import vn.ioc.console.security.AppUserRepository;
import vn.ioc.console.security.AppUserRepository.Role;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Whose queue the agency page shows. */
@WebMvcTest
@Import(WebSliceConfig.class)
class AgencyPostApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void staffGetTheirAgencyAndWard() throws Exception {
        String staff = TestUsers.agencyStaff(users, encoder, "post-ward-staff", "ward", "Phường Phú Hội");

        mvc.perform(get("/api/agency/post").with(httpBasic(staff, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.staff").value(true))
                .andExpect(jsonPath("$.agency.code").value("ward"))
                .andExpect(jsonPath("$.agency.nameVi").value("Ủy ban nhân dân phường, xã"))
                .andExpect(jsonPath("$.ward").value("Phường Phú Hội"))
                .andExpect(jsonPath("$.agencies.length()").value(1));
    }

    @Test
    void staffOfNoAgencyGetNone() throws Exception {
        String staff = TestUsers.agencyStaff(users, encoder, "post-no-agency", null, null);

        mvc.perform(get("/api/agency/post").with(httpBasic(staff, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.staff").value(true))
                .andExpect(jsonPath("$.agency").value(nullValue()))
                .andExpect(jsonPath("$.agencies.length()").value(0));
    }

    @Test
    void supervisorsChooseAmongEveryAgency() throws Exception {
        String supervisor = TestUsers.create(users, encoder, Role.SUPERVISOR);

        mvc.perform(get("/api/agency/post").with(httpBasic(supervisor, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.staff").value(false))
                .andExpect(jsonPath("$.agency").value(nullValue()))
                .andExpect(jsonPath("$.agencies[*].code").value(hasItem("urban-works")))
                .andExpect(jsonPath("$.agencies[*].code").value(hasItem("ward")));
    }

    @Test
    void operatorsMayNotOpenTheAgencyPageOrItsPost() throws Exception {
        String operator = TestUsers.create(users, encoder, Role.OPERATOR);

        mvc.perform(get("/api/agency/post").with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/agency.html").with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
    }
}
