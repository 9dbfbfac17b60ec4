package vn.ioc.console.report;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import vn.ioc.console.TestReports;
import vn.ioc.console.TestUsers;
import vn.ioc.console.WebSliceConfig;
import vn.ioc.console.security.AppUserRepository;
import vn.ioc.console.security.AppUserRepository.Role;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The operator map's report layer: every category, filtered by status, for operators only. */
@WebMvcTest
@Import(WebSliceConfig.class)
class ReportMapApiTest {

    private static final String XSS = "<img src=x onerror=alert(1)>";

    @Autowired
    MockMvc mvc;
    @Autowired
    ReportService reports;
    @Autowired
    ReportProgressRepository progress;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void reportsNeedALogin() throws Exception {
        mvc.perform(get("/api/reports")).andExpect(status().isUnauthorized());
    }

    @Test
    void agencyStaffAreNotOperators() throws Exception {
        String staff = TestUsers.agencyStaff(users, encoder, "map-staff", "urban-works", null);
        mvc.perform(get("/api/reports").with(httpBasic(staff, TestUsers.PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void operatorsSeeReportsOfPrivateCategoriesWithTheCitizensTextAsGiven() throws Exception {
        FiledReport secret = TestReports.file(reports, "public-order", XSS);
        String operator = TestUsers.create(users, encoder, Role.OPERATOR);

        String it = "$[?(@.id == '" + secret.id() + "')]";
        mvc.perform(get("/api/reports").with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath(it + ".category").value(hasItem("public-order")))
                .andExpect(jsonPath(it + ".categoryName").value(hasItem("An ninh trật tự")))
                .andExpect(jsonPath(it + ".publicCategory").value(hasItem(false)))
                .andExpect(jsonPath(it + ".status").value(hasItem("open")))
                .andExpect(jsonPath(it + ".description").value(hasItem(XSS)))
                .andExpect(jsonPath(it + ".ward").value(hasItem(TestReports.PHU_HOI)))
                .andExpect(jsonPath(it + ".agency").value(hasItem("public-security")))
                .andExpect(jsonPath(it + ".lat").value(hasItem(secret.lat())))
                .andExpect(jsonPath(it + ".requestedAt").value(hasItem(containsString("T"))))
                .andExpect(jsonPath(it + ".overdue").value(hasItem(false)));
        // the public API does not show it at all
        mvc.perform(get("/open311/v2/requests/{id}.json", secret.id())).andExpect(status().isNotFound());
    }

    @Test
    void statusFiltersOpenAndClosedReports() throws Exception {
        FiledReport open = TestReports.file(reports, "waste", "rác chưa thu");
        FiledReport closed = TestReports.file(reports, "waste", "rác đã thu");
        progress.answer(closed.id(), "Đã thu gom", true, Instant.now());
        String admin = TestUsers.create(users, encoder, Role.ADMIN);

        mvc.perform(get("/api/reports").param("status", "open").with(httpBasic(admin, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem(open.id())))
                .andExpect(jsonPath("$[?(@.id == '" + closed.id() + "')]").value(empty()))
                .andExpect(jsonPath("$[?(@.status != 'open')]").value(empty()));
        mvc.perform(get("/api/reports").param("status", "closed").with(httpBasic(admin, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem(closed.id())))
                .andExpect(jsonPath("$[?(@.id == '" + open.id() + "')]").value(empty()))
                .andExpect(jsonPath("$[?(@.status != 'closed')]").value(empty()));
        mvc.perform(get("/api/reports").param("status", "open,closed").param("category", "waste").with(httpBasic(admin, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem(open.id())))
                .andExpect(jsonPath("$[*].id").value(hasItem(closed.id())))
                .andExpect(jsonPath("$[?(@.category != 'waste')]").value(empty()));
    }

    @Test
    void anUnknownStatusIsABadRequestSayingWhy() throws Exception {
        String admin = TestUsers.create(users, encoder, Role.ADMIN);
        mvc.perform(get("/api/reports").param("status", "pending").with(httpBasic(admin, TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("expected status to be open or closed but was 'pending'"));
    }
}
