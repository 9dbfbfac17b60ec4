package vn.ioc.console.security;

import java.util.Locale;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import vn.ioc.console.TestUsers;
import vn.ioc.console.WebSliceConfig;
import vn.ioc.console.security.AppUserRepository.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest
@Import(WebSliceConfig.class)
class LoginPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    vn.ioc.ingest.testing.TestDatabase db;

    @Test
    void loginPageIsPublicVietnameseFirstAndCarriesACsrfField() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"vi\"")))
                .andExpect(content().string(containsString("Đăng nhập")))
                .andExpect(content().string(not(containsString("Log in"))))
                .andExpect(content().string(containsString("class=\"lang-switch\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void theLanguageCookieOrTheLangParameterMakesTheLoginPageEnglish() throws Exception {
        mvc.perform(get("/login").cookie(new Cookie("ioc-lang", "en")))
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(content().string(containsString("Log in")))
                .andExpect(content().string(not(containsString("Đăng nhập"))));
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(containsString("Log in")))
                .andExpect(cookie().value("ioc-lang", "en"));
        mvc.perform(get("/login").cookie(new Cookie("ioc-lang", "vi")))
                .andExpect(content().string(containsString("Đăng nhập")));
    }

    @Test
    void theDefaultStaysVietnameseOnAMachineWhoseOwnLanguageIsEnglish() throws Exception {
        Locale machine = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            mvc.perform(get("/login"))
                    .andExpect(content().string(containsString("Đăng nhập")))
                    .andExpect(content().string(not(containsString("Log in"))));
        } finally {
            Locale.setDefault(machine);
        }
    }

    @Test
    void theMapPageRedirectsABrowserWithoutALoginToTheLoginPage() throws Exception {
        mvc.perform(get("/").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void formLoginOfARealUserGoesToTheMap() throws Exception {
        String operator = TestUsers.create(users, encoder, Role.OPERATOR);
        mvc.perform(post("/login").param("username", operator).param("password", TestUsers.PASSWORD).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void formLoginOfAgencyStaffGoesToTheirQueue() throws Exception {
        String staff = TestUsers.agencyStaff(users, encoder, "landing-staff", "ward", "Phường Phú Hội");
        mvc.perform(post("/login").param("username", staff).param("password", TestUsers.PASSWORD).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/agency.html"));
    }

    @Test
    void agencyStaffSentToLogInByTheMapStillGoToTheirQueue() throws Exception {
        String staff = TestUsers.agencyStaff(users, encoder, "landing-staff-map", "ward", "Phường Phú Hội");
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/").session(session).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));

        mvc.perform(post("/login").session(session).param("username", staff).param("password", TestUsers.PASSWORD).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/agency.html"));
    }

    @Test
    void aSupervisorSentToLogInByTheAgencyPageGoesBackToIt() throws Exception {
        String supervisor = TestUsers.create(users, encoder, Role.SUPERVISOR);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/agency.html?agency=water").session(session).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("/login"));

        mvc.perform(post("/login").session(session).param("username", supervisor).param("password", TestUsers.PASSWORD).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("http://localhost/agency.html?agency=water&continue"));
    }

    @Test
    void anOperatorSentToLogInByTheAgencyPageGoesToTheMapInstead() throws Exception {
        String operator = TestUsers.create(users, encoder, Role.OPERATOR);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/agency.html").session(session).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));

        mvc.perform(post("/login").session(session).param("username", operator).param("password", TestUsers.PASSWORD).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void formLoginWithAWrongPasswordGoesBackToTheLoginPage() throws Exception {
        String operator = TestUsers.create(users, encoder, Role.OPERATOR);
        mvc.perform(post("/login").param("username", operator).param("password", "nope").with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void formLoginWithoutTheCsrfTokenIsRefused() throws Exception {
        String operator = TestUsers.create(users, encoder, Role.OPERATOR);
        mvc.perform(post("/login").param("username", operator).param("password", TestUsers.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void storedHashesAreDelegatingBcrypt() {
        String operator = TestUsers.create(users, encoder, Role.OPERATOR);
        assertThat(users.find(operator).orElseThrow().passwordHash()).startsWith("{bcrypt}$2");
    }

    @Test
    void meTellsWhoIsLoggedInAndTheCsrfTokenForLoggingOut() throws Exception {
        String supervisor = TestUsers.create(users, encoder, Role.SUPERVISOR);
        mvc.perform(get("/api/me").with(httpBasic(supervisor, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(supervisor))
                .andExpect(jsonPath("$.roles[0]").value("SUPERVISOR"))
                .andExpect(jsonPath("$.csrf.parameterName").value("_csrf"))
                .andExpect(jsonPath("$.csrf.token").isNotEmpty());
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccountEvenAgainstTheRightOneUntilTheLockEnds() throws Exception {
        String user = TestUsers.create(users, encoder, AppUserRepository.Role.OPERATOR);
        for (int k = 0; k < 4; k++) {
            mvc.perform(get("/api/me").with(httpBasic(user, "wrong-" + k))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/me").with(httpBasic(user, TestUsers.PASSWORD))).andExpect(status().isOk()); // the count starts again
        for (int k = 0; k < 4; k++) {
            mvc.perform(get("/api/me").with(httpBasic(user, "wrong-" + k))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/me").with(httpBasic(user, TestUsers.PASSWORD))).andExpect(status().isOk());
        for (int k = 0; k < 5; k++) {
            mvc.perform(get("/api/me").with(httpBasic(user, "wrong-" + k))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/me").with(httpBasic(user, TestUsers.PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(post("/login").with(csrf()).param("username", user).param("password", TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(users.lockedUntil(user)).get().matches(t -> t.isAfter(java.time.Instant.now().plusSeconds(14 * 60)));

        try (var c = db.connect(); var st = c.createStatement()) {
            st.execute("UPDATE app_user SET locked_until = now() - interval '1 second' WHERE username = '" + user + "'");
        }
        mvc.perform(get("/api/me").with(httpBasic(user, TestUsers.PASSWORD))).andExpect(status().isOk());
    }
}
