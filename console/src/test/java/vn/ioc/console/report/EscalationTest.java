package vn.ioc.console.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.DayOfWeek;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import vn.ioc.console.TestReports;
import vn.ioc.console.TestUsers;
import vn.ioc.console.WebSliceConfig;
import vn.ioc.console.cluster.ReplicaNotices;
import vn.ioc.console.security.AppUserRepository;
import vn.ioc.console.security.AppUserRepository.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Overdue reports go to the supervisors once, on a fixed clock, and supervisors hand them on or give more time. */
@WebMvcTest
@Import(WebSliceConfig.class)
class EscalationTest {

    private static final ZoneId HUE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A Thursday morning in Huế; "waste" has 2 working days, so the deadline falls after the weekend. */
    private static final Instant THURSDAY = ZonedDateTime.of(2026, 3, 12, 10, 0, 0, 0, HUE).toInstant();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReportRepository reports;
    @Autowired
    ReportProgressRepository progress;
    @Autowired
    ReportRouter router;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ReplicaNotices notices;

    private ReportEscalation at(Instant now) {
        return new ReportEscalation(jdbc, reports, router, transaction, Clock.fixed(now, ZoneOffset.UTC), events, notices);
    }

    private String fileOn(Instant at) {
        CategoryEntry waste = reports.category("waste").orElseThrow();
        Routing routing = router.route(waste.category(), TestReports.PHU_HOI_LAT + 0.01, TestReports.PHU_HOI_LON, at);
        String id = TrackingCode.next();
        assertThat(reports.insert(id, new NewReport("waste", null, null, "Rác", null, null, null, null, null, null),
                TestReports.PHU_HOI_LAT + 0.01, TestReports.PHU_HOI_LON, routing, null, null, at)).isTrue();
        return id;
    }

    private long escalations(String id) {
        return jdbc.queryForObject("SELECT count(*) FROM report_event WHERE report_id = ? AND action = 'escalated'", Long.class, id);
    }

    @Test
    void aReportOverAWeekendDeadlineEscalatesExactlyOnceAndAgainAfterReopening() {
        String id = fileOn(THURSDAY);
        Instant deadline = reports.findAny(id).orElseThrow().deadline();
        assertThat(deadline.atZone(HUE).getDayOfWeek()).as("two working days from Thursday").isEqualTo(DayOfWeek.MONDAY);

        Instant saturday = ZonedDateTime.of(2026, 3, 14, 12, 0, 0, 0, HUE).toInstant();
        assertThat(at(saturday).escalateOverdue()).doesNotContain(id);
        assertThat(at(deadline.minusSeconds(60)).escalateOverdue()).doesNotContain(id);
        assertThat(at(deadline.plusSeconds(60)).escalateOverdue()).contains(id);
        assertThat(at(deadline.plusSeconds(120)).escalateOverdue()).doesNotContain(id);
        assertThat(at(deadline.plusSeconds(86_400)).escalateOverdue()).doesNotContain(id);
        assertThat(escalations(id)).isEqualTo(1);
        assertThat(reports.findAny(id).orElseThrow().escalatedAt()).isEqualTo(deadline.plusSeconds(60));

        Instant closing = deadline.plusSeconds(2 * 86_400);
        assertThat(progress.answer(id, "Đã thu gom", true, closing)).isTrue();
        Instant reopening = closing.plusSeconds(3600);
        Instant newDeadline = router.route(reports.category("waste").orElseThrow().category(), TestReports.PHU_HOI_LAT, TestReports.PHU_HOI_LON,
                reopening).deadline();
        assertThat(progress.reopen(id, newDeadline, reopening.minusSeconds(86_400), reopening)).isTrue();
        assertThat(at(reopening.plusSeconds(60)).escalateOverdue()).doesNotContain(id);
        assertThat(at(newDeadline.plusSeconds(60)).escalateOverdue()).as("overdue again after reopening").contains(id);
        assertThat(at(newDeadline.plusSeconds(600)).escalateOverdue()).doesNotContain(id);
        assertThat(escalations(id)).isEqualTo(2);
    }

    @Test
    void supervisorsSeeEscalatedReportsAndHandThemOnOrGiveMoreTime() throws Exception {
        String first = fileOn(THURSDAY);
        String second = fileOn(THURSDAY.plusSeconds(1));
        at(Instant.now()).escalateOverdue();
        String supervisor = TestUsers.create(users, encoder, Role.SUPERVISOR);
        String staff = TestUsers.agencyStaff(users, encoder, "escalation-staff", "urban-works", null);

        mvc.perform(get("/api/agency/escalated").with(httpBasic(supervisor, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + first + "')].escalated").value(true));
        mvc.perform(get("/api/agency/escalated").with(httpBasic(staff, TestUsers.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/api/agency/queue").with(httpBasic(staff, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$[?(@.id == '" + first + "')].escalated").value(true));

        mvc.perform(post("/api/agency/reports/{id}/reassign", first).with(httpBasic(supervisor, TestUsers.PASSWORD)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of("agency", "environment", "note", ""))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("note is required")));
        mvc.perform(post("/api/agency/reports/{id}/reassign", first).with(httpBasic(supervisor, TestUsers.PASSWORD)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of("agency", "nowhere", "note", "x"))))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/agency/reports/{id}/reassign", first).with(httpBasic(supervisor, TestUsers.PASSWORD)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of("agency", "environment",
                                "note", "Bãi rác tự phát: thuộc Sở Tài nguyên và Môi trường"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agency").value("environment"))
                .andExpect(jsonPath("$.escalated").value(false))
                .andExpect(jsonPath("$.overdue").value(false));
        assertThat(jdbc.queryForObject("SELECT detail FROM report_event WHERE report_id = ? AND action = 'reassigned'", String.class, first))
                .startsWith("to environment: Bãi rác");

        mvc.perform(post("/api/agency/reports/{id}/extend", second).with(httpBasic(supervisor, TestUsers.PASSWORD)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of("deadline", "2001-01-01T00:00:00+07:00",
                                "note", "x"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("must be in the future")));
        mvc.perform(post("/api/agency/reports/{id}/extend", second).with(httpBasic(supervisor, TestUsers.PASSWORD)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of("deadline", "2099-01-01T17:00:00+07:00",
                                "note", "Chờ xe chuyên dụng"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.escalated").value(false));
        mvc.perform(get("/api/agency/escalated").with(httpBasic(supervisor, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$[?(@.id == '" + first + "')]").isEmpty())
                .andExpect(jsonPath("$[?(@.id == '" + second + "')]").isEmpty());
        mvc.perform(post("/api/agency/reports/{id}/extend", second).with(httpBasic(staff, TestUsers.PASSWORD)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"deadline\":\"2099-01-02T17:00:00+07:00\",\"note\":\"x\"}"))
                .andExpect(status().isForbidden());
    }
}
