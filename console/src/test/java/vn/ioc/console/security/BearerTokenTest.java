package vn.ioc.console.security;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ioc.console.TestUsers;
import vn.ioc.console.WebSliceConfig;
import vn.ioc.console.security.AppUserRepository.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Scripts send a personal token as {@code Authorization: Bearer}: it acts as its user, with no session, until revoked or expired. */
@WebMvcTest
@Import(WebSliceConfig.class)
class BearerTokenTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcTemplate jdbc;

    private JsonNode createToken(String user, String body) throws Exception {
        String answer = mvc.perform(post("/api/tokens").with(httpBasic(user, TestUsers.PASSWORD)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(answer);
    }

    @Test
    void aValidTokenActsAsItsUserWithItsRoleAndNoSession() throws Exception {
        String operator = TestUsers.create(users, encoder, Role.OPERATOR);
        JsonNode created = createToken(operator, "{\"name\":\"nightly export\"}");
        String secret = created.path("secret").asString();
        assertThat(secret).startsWith(ApiTokens.PREFIX).hasSizeGreaterThan(40);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token WHERE token_hash = ?", Integer.class, secret)).as("stored hashed").isZero();

        mvc.perform(get("/api/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(operator))
                .andExpect(jsonPath("$.roles[0]").value("OPERATOR"));
        MvcResult result = mvc.perform(get("/api/incidents").header("Authorization", "Bearer " + secret)).andExpect(status().isOk()).andReturn();
        assertThat(result.getRequest().getSession(false)).as("no session is created").isNull();
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
        mvc.perform(get("/api/admin/users").header("Authorization", "Bearer " + secret)).andExpect(status().isForbidden());
        // a POST with a bearer token needs no CSRF token
        mvc.perform(post("/api/tokens").header("Authorization", "Bearer " + secret).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"made by a script\"}")).andExpect(status().isCreated());
        mvc.perform(get("/api/tokens").with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$[?(@.name == 'nightly export')].lastUsedAt").isNotEmpty());
    }

    @Test
    void aRevokedTokenIs401WithTheReason() throws Exception {
        String supervisor = TestUsers.create(users, encoder, Role.SUPERVISOR);
        JsonNode created = createToken(supervisor, "{\"name\":\"to revoke\"}");
        String secret = created.path("secret").asString();
        mvc.perform(post("/api/tokens/" + created.path("token").path("id").asLong() + "/revoke").with(httpBasic(supervisor, TestUsers.PASSWORD))
                .with(csrf())).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("revoked"));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("token revoked")))
                .andExpect(header().string("WWW-Authenticate", containsString("invalid_token")));
    }

    @Test
    void anExpiredTokenIs401WithTheReason() throws Exception {
        String operator = TestUsers.create(users, encoder, Role.OPERATOR);
        JsonNode created = createToken(operator, "{\"name\":\"short-lived\",\"expiresAt\":\"2099-01-01T00:00:00+07:00\"}");
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + created.path("secret").asString())).andExpect(status().isOk());
        jdbc.update("UPDATE api_token SET expires_at = ? WHERE id = ?", Timestamp.from(Instant.now().minusSeconds(1)),
                created.path("token").path("id").asLong());
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + created.path("secret").asString()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("token expired")));
    }

    @Test
    void aWrongTokenIs401AndBadRequestsForTokensAre400() throws Exception {
        mvc.perform(get("/api/me").header("Authorization", "Bearer ioc_not-a-token"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value("unknown token"));
        mvc.perform(get("/api/incidents").header("Authorization", "Bearer "))
                .andExpect(status().isUnauthorized());
        String operator = TestUsers.create(users, encoder, Role.OPERATOR);
        mvc.perform(post("/api/tokens").with(httpBasic(operator, TestUsers.PASSWORD)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"\"}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("name is required")));
        mvc.perform(post("/api/tokens").with(httpBasic(operator, TestUsers.PASSWORD)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("must be in the future")));
    }

    @Test
    void aTokenOfADisabledUserIs401AndAdminsRevokeAnyonesToken() throws Exception {
        String agency = TestUsers.agencyStaff(users, encoder, "token-staff", "water", null);
        ApiTokens.Created created = tokens.create(agency, "queue export", null);
        mvc.perform(get("/api/agency/queue").header("Authorization", "Bearer " + created.secret())).andExpect(status().isOk());
        mvc.perform(post("/api/tokens/" + created.token().id() + "/revoke").with(httpBasic(TestUsers.create(users, encoder, Role.OPERATOR),
                TestUsers.PASSWORD)).with(csrf())).andExpect(status().isNotFound());

        String admin = TestUsers.create(users, encoder, Role.ADMIN);
        mvc.perform(get("/api/admin/tokens").with(httpBasic(admin, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$[?(@.id == " + created.token().id() + ")].username").value(agency));
        jdbc.update("UPDATE app_user SET enabled = false WHERE username = ?", agency);
        mvc.perform(get("/api/agency/queue").header("Authorization", "Bearer " + created.secret()))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail", containsString("disabled")));
        jdbc.update("UPDATE app_user SET enabled = true WHERE username = ?", agency);

        mvc.perform(post("/api/admin/tokens/" + created.token().id() + "/revoke").with(httpBasic(admin, TestUsers.PASSWORD)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("revoked"));
        mvc.perform(get("/api/agency/queue").header("Authorization", "Bearer " + created.secret())).andExpect(status().isUnauthorized());
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_log WHERE action = 'token.revoke' AND target = ?", String.class, agency))
                .isEqualTo(admin);
    }
}
