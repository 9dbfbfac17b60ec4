package vn.ioc.console.admin;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ioc.console.TestUsers;
import vn.ioc.console.WebSliceConfig;
import vn.ioc.console.report.Catalog;
import vn.ioc.console.report.ReportRepository;
import vn.ioc.console.security.AppUserRepository;
import vn.ioc.console.security.AppUserRepository.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The administrators' API: who may use it, what it refuses and why, and that every change is in the audit log. */
@WebMvcTest
@Import(WebSliceConfig.class)
class AdminApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReportRepository reports;

    private String admin() {
        return TestUsers.create(users, encoder, Role.ADMIN);
    }

    private ResultActions asAdmin(MockHttpServletRequestBuilder request, Object body) throws Exception {
        return mvc.perform(request.with(httpBasic(admin(), TestUsers.PASSWORD)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body == null ? "{}" : JSON.writeValueAsString(body)));
    }

    @Test
    void anonymousCallersGet401AndOperatorsAndAgencyStaff403() throws Exception {
        mvc.perform(get("/api/admin/users")).andExpect(status().isUnauthorized());
        String operator = TestUsers.create(users, encoder, Role.OPERATOR);
        mvc.perform(get("/api/admin/users").with(httpBasic(operator, TestUsers.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/apps").with(httpBasic(operator, TestUsers.PASSWORD)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}")).andExpect(status().isForbidden());
        String supervisor = TestUsers.create(users, encoder, Role.SUPERVISOR);
        mvc.perform(get("/api/admin/audit").with(httpBasic(supervisor, TestUsers.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/users").with(httpBasic(admin(), TestUsers.PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/api/admin/users").with(httpBasic(admin(), TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"no-csrf\",\"role\":\"OPERATOR\"}"))
                .andExpect(status().isForbidden());
        assertThat(users.find("no-csrf")).isEmpty();
    }

    @Test
    void anAgencyUserIsCreatedWithAGeneratedPasswordShownOnceAndAudited() throws Exception {
        String body = asAdmin(post("/api/admin/users"),
                Map.of("username", "ward-staff-1", "role", "AGENCY", "agency", "ward", "ward", "Phường Phú Hội"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.user.agency").value("ward"))
                .andExpect(jsonPath("$.user.ward").value("Phường Phú Hội"))
                .andReturn().getResponse().getContentAsString();
        String password = JSON.readTree(body).path("password").asString();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(encoder.matches(password, users.find("ward-staff-1").orElseThrow().passwordHash())).isTrue();
        assertThat(users.post("ward-staff-1")).isEqualTo(new AppUserRepository.StaffPost("ward", "Phường Phú Hội"));
        assertThat(jdbc.queryForMap("SELECT actor, action, detail FROM audit_log WHERE target = 'ward-staff-1'"))
                .containsEntry("actor", "admin").containsEntry("action", "user.create");
        mvc.perform(get("/api/admin/audit").with(httpBasic(admin(), TestUsers.PASSWORD)))
                .andExpect(jsonPath("$[?(@.target == 'ward-staff-1')].action").value("user.create"));

        asAdmin(post("/api/admin/users"), Map.of("username", "ward-staff-1", "role", "OPERATOR", "password", "a typed password"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("user 'ward-staff-1' exists already"));
    }

    @Test
    void aTypedPasswordIsKeptAndNotEchoed() throws Exception {
        asAdmin(post("/api/admin/users"), Map.of("username", "typed-op", "role", "OPERATOR", "password", "a typed password"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.password").doesNotExist());
        assertThat(encoder.matches("a typed password", users.find("typed-op").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void badUsersAreRefusedWithTheReason() throws Exception {
        asAdmin(post("/api/admin/users"), Map.of("username", "Bad Name", "role", "OPERATOR"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("username must be")));
        asAdmin(post("/api/admin/users"), Map.of("username", "nobody-role", "role", "ROOT"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("role must be one of")));
        asAdmin(post("/api/admin/users"), Map.of("username", "no-agency", "role", "AGENCY"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("AGENCY staff need an agency")));
        asAdmin(post("/api/admin/users"), Map.of("username", "no-ward", "role", "AGENCY", "agency", "ward"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("need a ward")));
        asAdmin(post("/api/admin/users"), Map.of("username", "bad-ward", "role", "AGENCY", "agency", "ward", "ward", "Hà Nội"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("ward must be the name")));
        asAdmin(post("/api/admin/users"), Map.of("username", "short-pw", "role", "OPERATOR", "password", "short"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("password must be 12 to")));
        asAdmin(post("/api/admin/users"), Map.of("username", "op-with-post", "role", "OPERATOR", "agency", "water"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("only AGENCY staff")));
        assertThat(users.find("no-ward")).isEmpty();
    }

    @Test
    void anAdministratorCannotDisableThemselvesOrDropTheirOwnAdminRole() throws Exception {
        asAdmin(post("/api/admin/users/admin/disable"), null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("you cannot disable yourself"));
        asAdmin(put("/api/admin/users/admin"), Map.of("role", "OPERATOR"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("your own ADMIN role")));
        assertThat(users.find("admin").orElseThrow().role()).isEqualTo(Role.ADMIN);
        assertThat(users.find("admin").orElseThrow().enabled()).isTrue();
    }

    @Test
    void aDisabledUserCannotLogInAndAnUnlockedOneCan() throws Exception {
        String operator = TestUsers.create(users, encoder, Role.OPERATOR);
        asAdmin(post("/api/admin/users/operator/disable"), null).andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/incidents").with(httpBasic(operator, TestUsers.PASSWORD))).andExpect(status().isUnauthorized());
        asAdmin(post("/api/admin/users/operator/enable"), null).andExpect(status().isOk());

        users.recordFailedLogin(operator, 1, java.time.Instant.now().plusSeconds(600));
        mvc.perform(get("/api/incidents").with(httpBasic(operator, TestUsers.PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/admin/users").with(httpBasic(admin(), TestUsers.PASSWORD)))
                .andExpect(jsonPath("$[?(@.username == 'operator')].locked").value(true));
        asAdmin(post("/api/admin/users/operator/unlock"), null).andExpect(status().isOk()).andExpect(jsonPath("$.locked").value(false));
        mvc.perform(get("/api/incidents").with(httpBasic(operator, TestUsers.PASSWORD))).andExpect(status().isOk());

        String reset = asAdmin(post("/api/admin/users/operator/password"), null).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String generated = JSON.readTree(reset).path("password").asString();
        mvc.perform(get("/api/incidents").with(httpBasic(operator, generated))).andExpect(status().isOk());
        TestUsers.create(users, encoder, Role.OPERATOR);
    }

    @Test
    void aCategoryEditIsValidatedAndSurvivesTheSeedFromTheCatalog() throws Exception {
        asAdmin(put("/api/admin/categories/street-lighting"), Map.of("nameVi", "Đèn", "nameEn", "Lights", "agency", "power",
                "slaHours", 4, "slaWorkingDays", 2)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("give exactly one of slaHours and slaWorkingDays"));
        asAdmin(put("/api/admin/categories/street-lighting"), Map.of("nameVi", "Đèn", "nameEn", "Lights", "agency", "nowhere",
                "slaHours", 4)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("agency must be one of")));
        asAdmin(put("/api/admin/categories/no-such"), Map.of("nameVi", "x", "nameEn", "x", "agency", "power", "slaHours", 4))
                .andExpect(status().isNotFound());

        asAdmin(put("/api/admin/categories/street-lighting"), Map.of("nameVi", "Đèn đường hỏng", "nameEn", "Broken street light",
                "agency", "power", "slaHours", 48, "isPrivate", true))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slaHours").value(48))
                .andExpect(jsonPath("$.slaWorkingDays").doesNotExist())
                .andExpect(jsonPath("$.isPrivate").value(true));
        reports.seed(Catalog.hue());
        var stored = reports.category("street-lighting").orElseThrow().category();
        assertThat(stored.nameVi()).isEqualTo("Đèn đường hỏng");
        assertThat(stored.isPublic()).isFalse();
        assertThat(stored.sla().hours()).hasHours(48);
        mvc.perform(get("/open311/v2/services.json")).andExpect(jsonPath("$[?(@.service_code == 'street-lighting')].service_name")
                .value("Đèn đường hỏng"));
        restore("street-lighting");
    }

    /** Other slices share this database: put the catalog's row back. */
    private void restore(String code) {
        var c = Catalog.hue().category(code).orElseThrow();
        jdbc.update("UPDATE report_category SET name_vi = ?, name_en = ?, agency = ?, sla_hours = ?, sla_working_days = ?, public = ? WHERE code = ?",
                c.nameVi(), c.nameEn(), c.agency(), c.sla().hours() == null ? null : (int) c.sla().hours().toHours(), c.sla().workingDays(),
                c.isPublic(), code);
    }

    @Test
    void anAgencyIsRenamedMadeWardLevelAndANewOneCreated() throws Exception {
        asAdmin(post("/api/admin/agencies"), Map.of("code", "parks", "nameVi", "Công viên", "nameEn", "Parks"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.wardLevel").value(false));
        asAdmin(post("/api/admin/agencies"), Map.of("code", "parks", "nameVi", "Công viên", "nameEn", "Parks"))
                .andExpect(status().isConflict());
        asAdmin(post("/api/admin/agencies"), Map.of("code", "Bad Code!", "nameVi", "x", "nameEn", "x"))
                .andExpect(status().isBadRequest());
        asAdmin(put("/api/admin/agencies/parks"), Map.of("nameVi", "Cây xanh", "nameEn", "Trees", "wardLevel", true))
                .andExpect(status().isOk()).andExpect(jsonPath("$.wardLevel").value(true)).andExpect(jsonPath("$.nameVi").value("Cây xanh"));
        asAdmin(put("/api/admin/agencies/parks"), Map.of("nameVi", " ", "nameEn", "Trees"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("nameVi is required")));
    }

    @Test
    void aCameraIsHiddenButOnlyItsEdgeCanMakeItPublicAndARetiredDeviceLeavesTheMap() throws Exception {
        jdbc.update("INSERT INTO site (id, agent_id, name, lat, lon, ward, online) VALUES ('adm-site', 'a', 'Ngã tư', 16.469, 107.597, 'Phường Phú Hội', true)");
        jdbc.update("INSERT INTO device (site, id, kind, type, public) VALUES ('adm-site', 'cam-pub', 'CAMERA', 'cctv', true),"
                + " ('adm-site', 'cam-ops', 'CAMERA', 'cctv', false), ('adm-site', 'loop', 'SENSOR', 'loop', false)");

        asAdmin(post("/api/admin/devices/adm-site/cam-pub/hide"), null).andExpect(status().isOk()).andExpect(jsonPath("$.hidden").value(true));
        mvc.perform(get("/public/cameras.json")).andExpect(jsonPath("$[?(@.site == 'adm-site')]").isEmpty());
        asAdmin(post("/api/admin/devices/adm-site/cam-pub/unhide"), null).andExpect(status().isOk());
        mvc.perform(get("/public/cameras.json")).andExpect(jsonPath("$[?(@.camera == 'cam-pub')].site").value("adm-site"));

        asAdmin(post("/api/admin/devices/adm-site/cam-ops/hide"), null).andExpect(status().isOk());
        asAdmin(post("/api/admin/devices/adm-site/cam-ops/unhide"), null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("not marked public by its edge")));
        asAdmin(post("/api/admin/devices/adm-site/loop/hide"), null).andExpect(status().isBadRequest());

        asAdmin(post("/api/admin/devices/adm-site/loop/retire"), null).andExpect(status().isOk());
        asAdmin(post("/api/admin/devices/adm-site/loop/retire"), null).andExpect(status().isConflict());
        mvc.perform(get("/api/devices").with(httpBasic(admin(), TestUsers.PASSWORD)))
                .andExpect(jsonPath("$[?(@.id == 'adm-site/loop')]").isEmpty())
                .andExpect(jsonPath("$[?(@.id == 'adm-site/cam-pub')].site").value("adm-site"));

        asAdmin(put("/api/admin/sites/adm-site"), Map.of("name", "Ngã tư Lê Lợi", "lat", 16.475, "lon", 107.578)).andExpect(status().isOk());
        mvc.perform(get("/api/devices").with(httpBasic(admin(), TestUsers.PASSWORD)))
                .andExpect(jsonPath("$[?(@.id == 'adm-site/cam-pub')].siteName").value("Ngã tư Lê Lợi"))
                .andExpect(jsonPath("$[?(@.id == 'adm-site/cam-pub')].ward").value("Phường Thuận Thành"));
        asAdmin(put("/api/admin/sites/adm-site"), Map.of("lat", 21.0, "lon", 105.8)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("outside Thừa Thiên Huế")));
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target LIKE 'adm-site%'", String.class))
                .contains("camera.hide", "camera.unhide", "device.retire", "site.change");
    }

    @Test
    void open311AppsAreRegisteredAndOnlyTheirKeysAccepted() throws Exception {
        String body = asAdmin(post("/api/admin/apps"), Map.of("name", "Hue-S")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        JsonNode registered = JSON.readTree(body);
        String key = registered.path("apiKey").asString();
        long id = registered.path("app").path("id").asLong();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM open311_app WHERE key_hash = ?", Integer.class, key)).isZero();

        postReport(key).andExpect(status().isCreated());
        postReport(null).andExpect(status().isCreated());
        postReport("o311_not-registered").andExpect(status().isForbidden())
                .andExpect(jsonPath("$[0].code").value(403))
                .andExpect(jsonPath("$[0].description", containsString("api_key is not registered")));

        asAdmin(post("/api/admin/apps/" + id + "/revoke"), null).andExpect(status().isOk());
        postReport(key).andExpect(status().isForbidden()).andExpect(jsonPath("$[0].description", containsString("api_key was revoked")));
        asAdmin(post("/api/admin/apps/" + id + "/revoke"), null).andExpect(status().isConflict());
        asAdmin(post("/api/admin/apps"), Map.of("name", "")).andExpect(status().isBadRequest());
    }

    private int nextPlace;

    private ResultActions postReport(String key) throws Exception {
        MockHttpServletRequestBuilder request = post("/open311/v2/requests.json").param("service_code", "waste")
                .param("lat", String.valueOf(16.455 + 0.001 * nextPlace++)).param("long", "107.59").param("description", "Rác");
        if (key != null) {
            request.param("api_key", key);
        }
        return mvc.perform(request);
    }
}
