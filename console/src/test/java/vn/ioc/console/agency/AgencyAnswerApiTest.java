package vn.ioc.console.agency;

import java.util.HashMap;
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
import tools.jackson.databind.json.JsonMapper;

import vn.ioc.console.TestReports;
import vn.ioc.console.TestUsers;
import vn.ioc.console.WebSliceConfig;
import vn.ioc.console.report.FiledReport;
import vn.ioc.console.report.Filing;
import vn.ioc.console.report.ReportProgress;
import vn.ioc.console.report.ReportService;
import vn.ioc.console.security.AppUserRepository;
import vn.ioc.console.security.AppUserRepository.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Agency staff answer the reports of their queue; the answer is what Open311 shows. */
@WebMvcTest
@Import(WebSliceConfig.class)
class AgencyAnswerApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    private ResultActions answer(String user, String id, Object notes, boolean close) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("notes", notes);
        body.put("close", close);
        return mvc.perform(post("/api/agency/reports/{id}/answer", id).with(httpBasic(user, TestUsers.PASSWORD)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)));
    }

    @Test
    void anAnswerWithoutClosingKeepsTheReportOpenAndShowsInOpen311() throws Exception {
        FiledReport r = TestReports.file(reports, "waste", "Rác ở chợ");
        String staff = TestUsers.agencyStaff(users, encoder, "urban-answerer", "urban-works", null);

        answer(staff, r.id(), "Đã cử xe thu gom", false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("open"))
                .andExpect(jsonPath("$.statusNotes").value("Đã cử xe thu gom"));

        assertThat(jdbc.queryForMap("SELECT actor, action, detail FROM report_event WHERE report_id = ? ORDER BY id DESC LIMIT 1", r.id()))
                .containsEntry("actor", staff).containsEntry("action", "answered").containsEntry("detail", "Đã cử xe thu gom");
        mvc.perform(get("/open311/v2/requests/{id}.json", r.id()))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].status_notes").value("Đã cử xe thu gom"));
    }

    @Test
    void aClosingAnswerClosesTheReport() throws Exception {
        FiledReport r = TestReports.file(reports, "waste", "Rác ở bến xe");
        String staff = TestUsers.agencyStaff(users, encoder, "urban-closer", "urban-works", null);

        answer(staff, r.id(), "Đã thu gom xong", true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("closed"));

        assertThat(jdbc.queryForObject("SELECT action FROM report_event WHERE report_id = ? ORDER BY id DESC LIMIT 1", String.class, r.id()))
                .isEqualTo("closed");
        assertThat(jdbc.queryForObject("SELECT closed_at IS NOT NULL AND updated_at > requested_at FROM report WHERE id = ?",
                Boolean.class, r.id())).isTrue();
        mvc.perform(get("/open311/v2/requests/{id}.json", r.id()))
                .andExpect(jsonPath("$[0].status").value("closed"))
                .andExpect(jsonPath("$[0].status_notes").value("Đã thu gom xong"));
    }

    @Test
    void answeringAClosedReportIsAConflictUntilTheCitizenReopensIt() throws Exception {
        Filing filing = TestReports.filing(reports, "waste", "Rác ở cầu");
        FiledReport r = filing.report();
        String staff = TestUsers.agencyStaff(users, encoder, "urban-twice", "urban-works", null);
        answer(staff, r.id(), "Đã thu gom", true).andExpect(status().isOk());

        answer(staff, r.id(), "Thu gom lần nữa", true).andExpect(status().isConflict());

        progress.reopen(r.id(), filing.followUpKey(), "Vẫn còn rác");
        answer(staff, r.id(), "Thu gom lần nữa", true).andExpect(status().isOk());
    }

    @Test
    void anotherAgencysReportIsForbiddenAndAnUnknownOneNotFound() throws Exception {
        FiledReport water = TestReports.file(reports, "water-supply", "Vỡ ống nước");
        String staff = TestUsers.agencyStaff(users, encoder, "urban-meddler", "urban-works", null);

        answer(staff, water.id(), "Không phải việc của tôi", true).andExpect(status().isForbidden());
        answer(staff, "ZZZZZZZZZZ", "Không có", true).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT status FROM report WHERE id = ?", String.class, water.id())).isEqualTo("open");
    }

    @Test
    void wardStaffMayNotAnswerAnotherWardsReport() throws Exception {
        FiledReport thuanThanh = TestReports.file(reports, "urban-order", TestReports.THUAN_THANH_LAT, TestReports.THUAN_THANH_LON,
                "Lấn chiếm");
        String staff = TestUsers.agencyStaff(users, encoder, "phu-hoi-answerer", "ward", TestReports.PHU_HOI);

        answer(staff, thuanThanh.id(), "Đã xử lý", true).andExpect(status().isForbidden());
    }

    @Test
    void notesAreRequiredAndAtMost2000Characters() throws Exception {
        FiledReport r = TestReports.file(reports, "waste", "Rác ở công viên");
        String staff = TestUsers.agencyStaff(users, encoder, "urban-terse", "urban-works", null);

        answer(staff, r.id(), "  ", false).andExpect(status().isBadRequest());
        answer(staff, r.id(), null, false).andExpect(status().isBadRequest());
        answer(staff, r.id(), "x".repeat(2001), false).andExpect(status().isBadRequest());
        answer(staff, r.id(), "x".repeat(2000), false).andExpect(status().isOk());
    }

    @Test
    void anAnswerWithoutTheCsrfTokenIsRefused() throws Exception {
        FiledReport r = TestReports.file(reports, "waste", "Rác ở bờ sông");
        String staff = TestUsers.agencyStaff(users, encoder, "urban-forged", "urban-works", null);

        mvc.perform(post("/api/agency/reports/{id}/answer", r.id()).with(httpBasic(staff, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"notes\":\"x\",\"close\":true}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT status FROM report WHERE id = ?", String.class, r.id())).isEqualTo("open");
    }

    @Test
    void supervisorsAnswerAnyAgencysReport() throws Exception {
        FiledReport water = TestReports.file(reports, "water-supply", "Nước đục");
        String supervisor = TestUsers.create(users, encoder, Role.SUPERVISOR);

        answer(supervisor, water.id(), "Đã chuyển công ty cấp nước", true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("closed"));
    }
}
