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
import vn.ioc.console.report.Filing;
import vn.ioc.console.report.ReportProgress;
import vn.ioc.console.report.ReportService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Citizens rate and reopen their report with its code and its follow-up key: no login and no
 * CSRF token, but never with the code alone, which Open311 publishes. Each test posts from its
 * own address, as the posts are rate-limited per address.
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

    private Filing closedReport(String description) {
        Filing f = TestReports.filing(reports, "drainage", description);
        progress.answer(f.report().id(), "urban-staff", x -> true, "Đã khơi thông", true);
        return f;
    }

    /** The JSON fields with the key added. */
    private static String withKey(String key, String json) {
        String fields = json.substring(1, json.length() - 1);
        return "{\"key\":\"" + key + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    private ResultActions rate(String id, String json) throws Exception {
        return mvc.perform(post("/public/reports/{code}/rating", id).with(client).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions rate(Filing f, String json) throws Exception {
        return rate(f.report().id(), withKey(f.followUpKey(), json));
    }

    private ResultActions reopen(String id, String json) throws Exception {
        return mvc.perform(post("/public/reports/{code}/reopen", id).with(client).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions reopen(Filing f, String json) throws Exception {
        return reopen(f.report().id(), withKey(f.followUpKey(), json));
    }

    private int events(String id, String action) {
        return jdbc.queryForObject("SELECT count(*) FROM report_event WHERE report_id = ? AND action = ?", Integer.class, id, action);
    }

    private int ratings(String id) {
        return jdbc.queryForObject("SELECT count(*) FROM report_rating WHERE report_id = ?", Integer.class, id);
    }

    private String statusOf(String id) {
        return jdbc.queryForObject("SELECT status FROM report WHERE id = ?", String.class, id);
    }

    /** A key of the right shape that is not the report's. */
    private static String otherKey(String key) {
        return (key.charAt(0) == '0' ? "1" : "0") + key.substring(1);
    }

    @Test
    void aClosedReportIsRatedAndASecondRatingReplacesTheFirst() throws Exception {
        Filing f = closedReport("Cống tắc");
        String id = f.report().id();

        rate(f, "{\"stars\":2,\"comment\":\"Chậm\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.rating.stars").value(2));
        rate(f, "{\"stars\":5}").andExpect(status().isOk())
                .andExpect(jsonPath("$.rating.stars").value(5))
                .andExpect(jsonPath("$.rating.comment").doesNotExist());

        assertThat(jdbc.queryForObject("SELECT stars FROM report_rating WHERE report_id = ?", Integer.class, id)).isEqualTo(5);
        assertThat(events(id, "rated")).isEqualTo(2);
    }

    @Test
    void theKeyMayComeAsAQueryParameterAndIsReadLikeATrackingCode() throws Exception {
        Filing f = closedReport("Cống đầy rác");
        String id = f.report().id();

        mvc.perform(post("/public/reports/{code}/rating", id).param("key", f.followUpKey().toLowerCase()).with(client)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"stars\":3}"))
                .andExpect(status().isOk());
        assertThat(ratings(id)).isEqualTo(1);
    }

    @Test
    void ratingWithoutTheKeyOrWithAWrongOneIs403AndChangesNothing() throws Exception {
        Filing f = closedReport("Cống rỉ nước");
        String id = f.report().id();

        rate(id, "{\"stars\":1}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("follow-up key is required")));
        rate(id, withKey(otherKey(f.followUpKey()), "{\"stars\":1}")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("does not match")));
        // the public tracking code is no key
        rate(id, withKey(id, "{\"stars\":1}")).andExpect(status().isForbidden());
        rate(id, withKey("", "{\"stars\":1}")).andExpect(status().isForbidden());

        assertThat(ratings(id)).isZero();
        assertThat(events(id, "rated")).isZero();
    }

    @Test
    void reopeningWithoutTheKeyOrWithAWrongOneIs403AndChangesNothing() throws Exception {
        Filing f = closedReport("Ngập trước cổng");
        String id = f.report().id();

        reopen(id, "{\"comment\":\"Vẫn ngập\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("follow-up key is required")));
        mvc.perform(post("/public/reports/{code}/reopen", id).with(client)).andExpect(status().isForbidden());
        reopen(id, withKey(otherKey(f.followUpKey()), "{}")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("does not match")));

        assertThat(statusOf(id)).isEqualTo("closed");
        assertThat(events(id, "reopened")).isZero();
    }

    @Test
    void aFormWithoutTheRightKeyShowsThePageWithTheReasonAnd403() throws Exception {
        Filing f = closedReport("Cống sau chợ");
        String id = f.report().id();

        mvc.perform(post("/public/reports/{code}/rating", id).with(client).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("stars", "1"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Cần khóa theo dõi để đánh giá hoặc mở lại phản ánh")))
                .andExpect(content().string(not(containsString("/rating\""))));
        mvc.perform(post("/public/reports/{code}/reopen", id).with(client).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("key", otherKey(f.followUpKey())).param("comment", "Chưa sửa"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Khóa theo dõi không đúng với phản ánh này.")));

        assertThat(ratings(id)).isZero();
        assertThat(statusOf(id)).isEqualTo("closed");
    }

    @Test
    void aReportFiledBeforeKeysExistedCannotBeRatedOrReopened() throws Exception {
        Filing f = closedReport("Cống cũ trước khi có khóa");
        String id = f.report().id();
        jdbc.update("UPDATE report SET follow_up_key_sha256 = NULL WHERE id = ?", id);

        rate(f, "{\"stars\":4}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("filed before follow-up keys existed")));
        reopen(f, "{}").andExpect(status().isForbidden());
        assertThat(ratings(id)).isZero();
        assertThat(statusOf(id)).isEqualTo("closed");
    }

    @Test
    void onlyAHashOfTheKeyIsStored() {
        Filing f = TestReports.filing(reports, "drainage", "Cống hỏng nắp");

        String stored = jdbc.queryForObject("SELECT follow_up_key_sha256 FROM report WHERE id = ?", String.class, f.report().id());
        assertThat(f.followUpKey()).matches("[0-9A-HJKMNP-TV-Z]{10}");
        assertThat(stored).matches("[0-9a-f]{64}").doesNotContain(f.followUpKey()).doesNotContainIgnoringCase(f.followUpKey());
    }

    @Test
    void aRatingByFormGoesBackToThePageWithTheKey() throws Exception {
        Filing f = closedReport("Cống bốc mùi");
        String id = f.report().id();

        mvc.perform(post("/public/reports/{code}/rating", id).with(client).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("stars", "4").param("comment", "Tốt").param("key", f.followUpKey()))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/public/reports/" + id + "?key=" + f.followUpKey()));
        assertThat(jdbc.queryForObject("SELECT comment FROM report_rating WHERE report_id = ?", String.class, id)).isEqualTo("Tốt");
    }

    @Test
    void anOpenReportCannotBeRated() throws Exception {
        Filing f = TestReports.filing(reports, "drainage", "Cống vỡ");

        rate(f, "{\"stars\":5}").andExpect(status().isConflict());
    }

    @Test
    void starsAreOneToFiveAndTheCommentAtMost1000Characters() throws Exception {
        Filing f = closedReport("Cống hở");

        rate(f, "{\"stars\":0}").andExpect(status().isBadRequest());
        rate(f, "{\"stars\":6}").andExpect(status().isBadRequest());
        rate(f, "{}").andExpect(status().isBadRequest());
        rate(f, "{\"stars\":3,\"comment\":\"" + "x".repeat(1001) + "\"}").andExpect(status().isBadRequest());
        assertThat(events(f.report().id(), "rated")).isZero();
    }

    @Test
    void aRatingOfAnUnknownCodeIsNotFound() throws Exception {
        rate("NOSUCHCODE", withKey("0000000000", "{\"stars\":5}")).andExpect(status().isNotFound());
    }

    @Test
    void aClosedReportIsReopenedOnceWithANewDeadline() throws Exception {
        Filing f = closedReport("Ngập sau mưa");
        String id = f.report().id();

        reopen(f, "{\"comment\":\"Vẫn ngập\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("open"))
                .andExpect(jsonPath("$.steps[-1].action").value("reopened"))
                .andExpect(jsonPath("$.steps[-1].detail").value("Vẫn ngập"));
        assertThat(jdbc.queryForObject("SELECT deadline > now() FROM report WHERE id = ?", Boolean.class, id)).isTrue();

        progress.answer(id, "urban-staff", x -> true, "Đã khơi thông lần hai", true);
        reopen(f, "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("already reopened")));
        assertThat(events(id, "reopened")).isEqualTo(1);
    }

    @Test
    void aReportClosedMoreThan30DaysAgoCannotBeReopened() throws Exception {
        Filing f = closedReport("Cống cũ");
        TestReports.closedAgo(jdbc, f.report().id(), Duration.ofDays(31));

        reopen(f, "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("30 days")));
    }

    @Test
    void anOpenReportCannotBeReopened() throws Exception {
        Filing f = TestReports.filing(reports, "drainage", "Cống mới tắc");

        reopen(f, "{}").andExpect(status().isConflict());
    }

    @Test
    void aReopeningByFormNeedsNoCsrfTokenAndGoesBackToThePage() throws Exception {
        Filing f = closedReport("Cống trước nhà");
        String id = f.report().id();

        mvc.perform(post("/public/reports/{code}/reopen", id).with(client).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("comment", "Chưa sửa").param("key", f.followUpKey()))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/public/reports/" + id + "?key=" + f.followUpKey()));
        assertThat(statusOf(id)).isEqualTo("open");
    }

    @Test
    void tooManyPostsFromOneAddressAre429WithRetryAfter() throws Exception {
        String id = TestReports.file(reports, "drainage", "Cống kêu").id();
        // the window may turn over once during the loop; then the next window's eleventh post is refused;
        // posts without the key count too, so guessing keys is bounded by the same limit
        int posts = 0;
        int status;
        do {
            posts++;
            status = rate(id, "{\"stars\":5}").andReturn().getResponse().getStatus();
        } while (status != 429 && posts < 22);

        assertThat(status).isEqualTo(429);
        assertThat(posts).isGreaterThanOrEqualTo(11);
        rate(id, "{\"stars\":5}").andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
    }
}
