package vn.ioc.console.agency;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ioc.console.TestReports;
import vn.ioc.console.TestUsers;
import vn.ioc.console.WebSliceConfig;
import vn.ioc.console.report.FiledReport;
import vn.ioc.console.report.ReportProgress;
import vn.ioc.console.report.ReportService;
import vn.ioc.console.security.AppUserRepository;
import vn.ioc.console.security.AppUserRepository.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The agency's queue over reports filed through the real service, so their routing is the router's. */
@WebMvcTest
@Import(WebSliceConfig.class)
class AgencyQueueApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ReportService reports;
    @Autowired
    ReportProgress progress;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void staffSeeTheirAgencysReportsAndNotAnotherAgencys() throws Exception {
        FiledReport waste = TestReports.file(reports, "waste", "Rác chưa thu gom");
        FiledReport water = TestReports.file(reports, "water-supply", "Mất nước");
        String staff = TestUsers.agencyStaff(users, encoder, "urban-staff", "urban-works", null);

        mvc.perform(get("/api/agency/queue").with(httpBasic(staff, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem(waste.id())))
                .andExpect(jsonPath("$[*].id").value(not(hasItem(water.id()))))
                .andExpect(jsonPath("$[?(@.id == '%s')].category.code", waste.id()).value(hasItem("waste")))
                .andExpect(jsonPath("$[?(@.id == '%s')].category.nameVi", waste.id()).value(hasItem(waste.category().nameVi())))
                .andExpect(jsonPath("$[?(@.id == '%s')].description", waste.id()).value(hasItem("Rác chưa thu gom")))
                .andExpect(jsonPath("$[?(@.id == '%s')].lat", waste.id()).value(hasItem(waste.lat())))
                .andExpect(jsonPath("$[?(@.id == '%s')].status", waste.id()).value(hasItem("open")))
                .andExpect(jsonPath("$[?(@.id == '%s')].overdue", waste.id()).value(hasItem(false)))
                .andExpect(jsonPath("$[?(@.id == '%s')].deadline", waste.id()).value(hasItem(waste.deadline().toString())))
                .andExpect(jsonPath("$[?(@.id == '%s')].requestedAt", waste.id()).value(hasItem(waste.requestedAt().toString())));
    }

    @Test
    void anOriginalShowsTheDuplicatesLinkedToItAndEachDuplicateItsOriginal() throws Exception {
        // a place of this test's own: 50 m from nothing else the slice files
        FiledReport first = TestReports.file(reports, "waste", 16.4551, 107.5611, "Rác đổ trộm");
        FiledReport again = TestReports.file(reports, "waste", 16.4552, 107.5612, "Lại rác đổ trộm");
        FiledReport other = TestReports.file(reports, "waste", 16.4620, 107.5700, "Rác chỗ khác");
        String staff = TestUsers.agencyStaff(users, encoder, "urban-staff-dup", "urban-works", null);

        mvc.perform(get("/api/agency/queue").with(httpBasic(staff, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '%s')].duplicates[*]", first.id()).value(contains(again.id())))
                .andExpect(jsonPath("$[?(@.id == '%s')].duplicateOf", again.id()).value(hasItem(first.id())))
                .andExpect(jsonPath("$[?(@.id == '%s')].duplicates[*]", other.id()).isEmpty());
    }

    @Test
    void staffAskingForAnotherAgencysQueueAreRefused() throws Exception {
        String staff = TestUsers.agencyStaff(users, encoder, "urban-staff-nosy", "urban-works", null);

        mvc.perform(get("/api/agency/queue").param("agency", "water").with(httpBasic(staff, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void wardStaffSeeOnlyTheirWard() throws Exception {
        FiledReport phuHoi = TestReports.file(reports, "urban-order", TestReports.PHU_HOI_LAT, TestReports.PHU_HOI_LON, "Lấn chiếm vỉa hè");
        FiledReport thuanThanh = TestReports.file(reports, "urban-order", TestReports.THUAN_THANH_LAT, TestReports.THUAN_THANH_LON,
                "Lấn chiếm lòng đường");
        assertThat(phuHoi.ward()).isEqualTo(TestReports.PHU_HOI);
        String staff = TestUsers.agencyStaff(users, encoder, "phu-hoi-staff", "ward", TestReports.PHU_HOI);

        mvc.perform(get("/api/agency/queue").with(httpBasic(staff, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem(phuHoi.id())))
                .andExpect(jsonPath("$[*].id").value(not(hasItem(thuanThanh.id()))))
                .andExpect(jsonPath("$[*].ward").value(not(hasItem(TestReports.THUAN_THANH))));
    }

    @Test
    void wardStaffWithoutAWardAndStaffWithoutAnAgencySeeAnEmptyQueue() throws Exception {
        TestReports.file(reports, "urban-order", TestReports.PHU_HOI_LAT, TestReports.PHU_HOI_LON, "Lấn chiếm vỉa hè");
        String wardless = TestUsers.agencyStaff(users, encoder, "wardless-staff", "ward", null);
        String agencyless = TestUsers.agencyStaff(users, encoder, "agencyless-staff", null, null);

        mvc.perform(get("/api/agency/queue").with(httpBasic(wardless, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/agency/queue").with(httpBasic(agencyless, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void openReportsComeFirstBySoonestDeadlineThenTheRecentlyClosedAndPastDeadlineIsOverdue() throws Exception {
        FiledReport late = TestReports.file(reports, "street-lighting", "Đèn đường hỏng");
        FiledReport due = TestReports.file(reports, "street-lighting", "Đèn đường chập chờn");
        FiledReport closed = TestReports.file(reports, "street-lighting", "Đèn đã sửa");
        FiledReport closedLongAgo = TestReports.file(reports, "street-lighting", "Đèn đã sửa từ lâu");
        TestReports.deadline(jdbc, late.id(), Instant.now().minus(Duration.ofHours(1)));
        progress.answer(closed.id(), "urban-staff", r -> true, "Đã thay bóng", true);
        progress.answer(closedLongAgo.id(), "urban-staff", r -> true, "Đã thay bóng", true);
        TestReports.closedAgo(jdbc, closedLongAgo.id(), Duration.ofDays(31));
        String staff = TestUsers.agencyStaff(users, encoder, "urban-staff-order", "urban-works", null);

        String body = mvc.perform(get("/api/agency/queue").with(httpBasic(staff, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '%s')].overdue", late.id()).value(hasItem(true)))
                .andExpect(jsonPath("$[?(@.id == '%s')].overdue", due.id()).value(hasItem(false)))
                .andExpect(jsonPath("$[?(@.id == '%s')].status", closed.id()).value(hasItem("closed")))
                .andExpect(jsonPath("$[?(@.id == '%s')].statusNotes", closed.id()).value(hasItem("Đã thay bóng")))
                .andExpect(jsonPath("$[*].id").value(not(hasItem(closedLongAgo.id()))))
                .andReturn().getResponse().getContentAsString();

        List<String> ids = ids(body);
        assertThat(ids.indexOf(late.id())).isLessThan(ids.indexOf(due.id()));
        assertThat(ids.indexOf(due.id())).isLessThan(ids.indexOf(closed.id()));
    }

    @Test
    void supervisorsLookAtAnyQueueByAgencyAndWard() throws Exception {
        FiledReport phuHoi = TestReports.file(reports, "construction", TestReports.PHU_HOI_LAT, TestReports.PHU_HOI_LON, "Xây dựng không phép");
        FiledReport thuanThanh = TestReports.file(reports, "construction", TestReports.THUAN_THANH_LAT, TestReports.THUAN_THANH_LON,
                "Xây dựng lấn chiếm");
        String supervisor = TestUsers.create(users, encoder, Role.SUPERVISOR);

        mvc.perform(get("/api/agency/queue").param("agency", "ward").param("ward", TestReports.THUAN_THANH)
                        .with(httpBasic(supervisor, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem(thuanThanh.id())))
                .andExpect(jsonPath("$[*].id").value(not(hasItem(phuHoi.id()))));
        mvc.perform(get("/api/agency/queue").with(httpBasic(supervisor, TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void operatorsHaveNoAgencyQueue() throws Exception {
        String operator = TestUsers.create(users, encoder, Role.OPERATOR);

        mvc.perform(get("/api/agency/queue").param("agency", "water").with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    private static List<String> ids(String body) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : JsonMapper.builder().build().readTree(body)) {
            ids.add(item.get("id").asString());
        }
        return ids;
    }
}
