package vn.ioc.console.reportmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ioc.console.TestReports;
import vn.ioc.console.WebSliceConfig;
import vn.ioc.console.report.FiledReport;
import vn.ioc.console.report.Filing;
import vn.ioc.console.report.ReportProgress;
import vn.ioc.console.report.ReportService;

/** The public map's reports, without login: what is listed, how the filters work, and what is never shown. */
@WebMvcTest
@Import(WebSliceConfig.class)
class PublicMapApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ReportService reports;
    @Autowired
    ReportProgress progress;
    @Autowired
    JdbcTemplate jdbc;

    /** Reports of this test only, told apart by a mark in their descriptions. */
    private final String mark = "map-" + UUID.randomUUID();

    private List<JsonNode> features(String query) throws Exception {
        String body = mvc.perform(get("/public/reports.geojson" + query))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode collection = JsonMapper.builder().build().readTree(body);
        assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
        List<JsonNode> mine = new ArrayList<>();
        collection.path("features").forEach(f -> {
            if (f.path("properties").path("description").asString("").contains(mark)) {
                mine.add(f);
            }
        });
        return mine;
    }

    private static List<String> descriptions(List<JsonNode> features) {
        return features.stream().map(f -> f.path("properties").path("description").asString()).toList();
    }

    @Test
    void publicReportsAreListedWithStatusAndAnswerButPrivateOnesAndTrackingCodesNever() throws Exception {
        FiledReport received = TestReports.file(reports, "waste", "received " + mark);
        FiledReport answered = TestReports.file(reports, "waste", "answered " + mark);
        progress.answer(answered.id(), "urban-staff", x -> true, "Đã cử xe thu gom", false);
        FiledReport closed = TestReports.file(reports, "drainage", "closed " + mark);
        progress.answer(closed.id(), "water-staff", x -> true, "Đã thông cống", true);
        Filing reopening = TestReports.filing(reports, "drainage", "reopened " + mark);
        FiledReport reopened = reopening.report();
        progress.answer(reopened.id(), "water-staff", x -> true, "Đã xử lý", true);
        progress.reopen(reopened.id(), reopening.followUpKey(), "Vẫn còn ngập");
        FiledReport secret = TestReports.file(reports, "public-order", "private " + mark);

        List<JsonNode> all = features("");
        assertThat(descriptions(all)).containsExactlyInAnyOrder("received " + mark, "answered " + mark, "closed " + mark, "reopened " + mark);
        JsonNode a = all.stream().filter(f -> f.path("properties").path("description").asString().startsWith("answered")).findFirst().orElseThrow();
        assertThat(a.path("geometry").path("type").asString()).isEqualTo("Point");
        assertThat(a.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(answered.lon());
        assertThat(a.path("geometry").path("coordinates").get(1).asDouble()).isEqualTo(answered.lat());
        JsonNode p = a.path("properties");
        assertThat(p.path("status").asString()).isEqualTo("answered");
        assertThat(p.path("category").path("code").asString()).isEqualTo("waste");
        assertThat(p.path("category").path("en").asString()).isNotBlank();
        assertThat(p.path("answer").asString()).isEqualTo("Đã cử xe thu gom");
        assertThat(p.path("answeredAt").asString()).isNotBlank();
        assertThat(p.path("agencyVi").asString()).isEqualTo(answered.agencyName());
        assertThat(statusOf(all, "received")).isEqualTo("received");
        assertThat(statusOf(all, "closed")).isEqualTo("closed");
        assertThat(statusOf(all, "reopened")).isEqualTo("in_progress");

        String body = mvc.perform(get("/public/reports.geojson")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (FiledReport r : List.of(received, answered, closed, reopened, secret)) {
            assertThat(body).as("tracking code of " + r.description()).doesNotContain(r.id());
        }
        assertThat(body).doesNotContain("private " + mark, "Nguyễn Văn A", "0900000000", "a@example.vn", "urban-staff",
                reopening.followUpKey());
    }

    @Test
    void filtersByStatusCategoryAndPeriod() throws Exception {
        TestReports.file(reports, "waste", "waste-open " + mark);
        FiledReport drain = TestReports.file(reports, "drainage", "drain-closed " + mark);
        progress.answer(drain.id(), "water-staff", x -> true, "Xong", true);
        FiledReport old = TestReports.file(reports, "waste", "waste-old " + mark);
        jdbc.update("UPDATE report SET requested_at = requested_at - ?::interval WHERE id = ?", Duration.ofDays(40).toSeconds() + " seconds", old.id());

        assertThat(descriptions(features("?status=closed"))).containsExactly("drain-closed " + mark);
        assertThat(descriptions(features("?status=received,answered"))).containsExactly("waste-open " + mark);
        assertThat(descriptions(features("?category=waste"))).containsExactly("waste-open " + mark);
        assertThat(descriptions(features("?category=waste&days=90"))).containsExactlyInAnyOrder("waste-open " + mark, "waste-old " + mark);
        assertThat(descriptions(features("?category=drainage&status=received"))).isEmpty();
    }

    @Test
    void aBadFilterIsABadRequestThatSaysWhy() throws Exception {
        mvc.perform(get("/public/reports.geojson").param("status", "open,lost"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("status must be among received, in_progress, answered, closed but was 'open'")));
        mvc.perform(get("/public/reports.geojson").param("category", "public-order"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("public report category but was 'public-order'")));
        mvc.perform(get("/public/reports.geojson").param("category", "no-such-thing"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/public/reports.geojson").param("days", "91"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("days must be a whole number from 1 to 90 but was '91'")));
        mvc.perform(get("/public/reports.geojson").param("days", "week")).andExpect(status().isBadRequest());
    }

    @Test
    void theFilterOffersPublicCategoriesOnly() throws Exception {
        mvc.perform(get("/public/report-categories.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'waste')].en").isNotEmpty())
                .andExpect(jsonPath("$[?(@.code == 'public-order')]").isEmpty());
    }

    private static String statusOf(List<JsonNode> features, String prefix) {
        return features.stream().filter(f -> f.path("properties").path("description").asString().startsWith(prefix + " "))
                .findFirst().orElseThrow().path("properties").path("status").asString();
    }
}
