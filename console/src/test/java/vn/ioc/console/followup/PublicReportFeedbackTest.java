package vn.ioc.console.followup;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.ioc.console.TestReports;
import vn.ioc.console.WebSliceConfig;
import vn.ioc.console.report.FiledReport;
import vn.ioc.console.report.ReportProgress;
import vn.ioc.console.report.ReportService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Citizens rate and reopen their report with its code alone: no login and no CSRF token. Each
 * test posts from its own address, as the posts are rate-limited per address.
 */
@WebMvcTest
@Import(WebSliceConfig.class)
class PublicReportFeedbackTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    ReportService reports;
    @Autowired
    ReportProgress progress;
    @Autowired
    JdbcTemplate jdbc;

    private final RequestPostProcessor client = fromAddress("10.0.0." + ADDRESS.getAndIncrement());

    private static RequestPostProcessor fromAddress(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private FiledReport closedReport(String description) {
        FiledReport r = TestReports.file(reports, "drainage", description);
        progress.answer(r.id(), "urban-staff", x -> true, "Đã khơi thông", true);
        return r;
    }

    private ResultActions rate(String id, String json) throws Exception {
        return mvc.perform(post("/public/reports/{code}/rating", id).with(client).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions reopen(String id, String json) throws Exception {
        return mvc.perform(post("/public/reports/{code}/reopen", id).with(client).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private int events(String id, String action) {
        return jdbc.queryForObject("SELECT count(*) FROM report_event WHERE report_id = ? AND action = ?", Integer.class, id, action);
    }

    @Test
    void aClosedReportIsRatedAndASecondRatingReplacesTheFirst() throws Exception {
        FiledReport r = closedReport("Cống tắc");

        rate(r.id(), "{\"stars\":2,\"comment\":\"Chậm\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.rating.stars").value(2));
        rate(r.id(), "{\"stars\":5}").andExpect(status().isOk())
                .andExpect(jsonPath("$.rating.stars").value(5))
                .andExpect(jsonPath("$.rating.comment").doesNotExist());

        assertThat(jdbc.queryForObject("SELECT stars FROM report_rating WHERE report_id = ?", Integer.class, r.id())).isEqualTo(5);
        assertThat(events(r.id(), "rated")).isEqualTo(2);
    }

    @Test
    void aRatingByFormGoesBackToThePage() throws Exception {
        FiledReport r = closedReport("Cống bốc mùi");

        mvc.perform(post("/public/reports/{code}/rating", r.id()).with(client).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("stars", "4").param("comment", "Tốt"))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/public/reports/" + r.id()));
        assertThat(jdbc.queryForObject("SELECT comment FROM report_rating WHERE report_id = ?", String.class, r.id())).isEqualTo("Tốt");
    }

    @Test
    void anOpenReportCannotBeRated() throws Exception {
        FiledReport r = TestReports.file(reports, "drainage", "Cống vỡ");

        rate(r.id(), "{\"stars\":5}").andExpect(status().isConflict());
    }

    @Test
    void starsAreOneToFiveAndTheCommentAtMost1000Characters() throws Exception {
        FiledReport r = closedReport("Cống hở");

        rate(r.id(), "{\"stars\":0}").andExpect(status().isBadRequest());
        rate(r.id(), "{\"stars\":6}").andExpect(status().isBadRequest());
        rate(r.id(), "{}").andExpect(status().isBadRequest());
        rate(r.id(), "{\"stars\":3,\"comment\":\"" + "x".repeat(1001) + "\"}").andExpect(status().isBadRequest());
        assertThat(events(r.id(), "rated")).isZero();
    }

    @Test
    void aRatingOfAnUnknownCodeIsNotFound() throws Exception {
        rate("NOSUCHCODE", "{\"stars\":5}").andExpect(status().isNotFound());
    }

    @Test
    void aClosedReportIsReopenedOnceWithANewDeadline() throws Exception {
        FiledReport r = closedReport("Ngập sau mưa");

        reopen(r.id(), "{\"comment\":\"Vẫn ngập\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("open"))
                .andExpect(jsonPath("$.steps[-1].action").value("reopened"))
                .andExpect(jsonPath("$.steps[-1].detail").value("Vẫn ngập"));
        assertThat(jdbc.queryForObject("SELECT deadline > now() FROM report WHERE id = ?", Boolean.class, r.id())).isTrue();

        progress.answer(r.id(), "urban-staff", x -> true, "Đã khơi thông lần hai", true);
        reopen(r.id(), "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("already reopened")));
        assertThat(events(r.id(), "reopened")).isEqualTo(1);
    }

    @Test
    void aReportClosedMoreThan30DaysAgoCannotBeReopened() throws Exception {
        FiledReport r = closedReport("Cống cũ");
        TestReports.closedAgo(jdbc, r.id(), Duration.ofDays(31));

        reopen(r.id(), "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("30 days")));
    }

    @Test
    void anOpenReportCannotBeReopened() throws Exception {
        FiledReport r = TestReports.file(reports, "drainage", "Cống mới tắc");

        reopen(r.id(), "{}").andExpect(status().isConflict());
    }

    @Test
    void aReopeningByFormNeedsNoCsrfTokenAndGoesBackToThePage() throws Exception {
        FiledReport r = closedReport("Cống trước nhà");

        mvc.perform(post("/public/reports/{code}/reopen", r.id()).with(client).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("comment", "Chưa sửa"))
                .andExpect(status().isSeeOther());
        assertThat(jdbc.queryForObject("SELECT status FROM report WHERE id = ?", String.class, r.id())).isEqualTo("open");
    }

    @Test
    void tooManyPostsFromOneAddressAre429WithRetryAfter() throws Exception {
        FiledReport r = TestReports.file(reports, "drainage", "Cống kêu");
        // the window may turn over once during the loop; then the next window's eleventh post is refused
        int posts = 0;
        int status;
        do {
            posts++;
            status = rate(r.id(), "{\"stars\":5}").andReturn().getResponse().getStatus();
        } while (status != 429 && posts < 22);

        assertThat(status).isEqualTo(429);
        assertThat(posts).isGreaterThanOrEqualTo(11);
        rate(r.id(), "{\"stars\":5}").andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
    }
}
