package vn.ioc.console.open311;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import vn.ioc.console.TestApps;
import vn.ioc.console.ConsoleIntegrationTest;
import vn.ioc.console.report.Catalog;
import vn.ioc.console.report.FollowUpKey;
import vn.ioc.console.report.ReportRepository;
import vn.ioc.ingest.contract.Report;
import vn.ioc.ingest.contract.ReportCodec;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.mqtt.MqttConnection;
import vn.ioc.ingest.mqtt.MqttSettings;
import vn.ioc.ingest.testing.TestBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The public Open311 API end to end. Each test posts under its own registered api_key (the rate limit is per
 * client) and at its own place or category, so that tests sharing the database do not make each
 * other's reports duplicates.
 */
class Open311IT extends ConsoleIntegrationTest {

    private static final String V2 = "/open311/v2/";
    /** Metres per degree of latitude, to place reports at a given distance. */
    private static final double METRES_PER_DEGREE = 111_195;
    private static final double PHU_HOI_LAT = 16.469;
    private static final double PHU_HOI_LON = 107.597;
    /** The console may still be connecting to the broker, and retries a failed publish for a minute. */
    private static final Duration PUBLISHED = Duration.ofSeconds(60);

    private final ObjectMapper json = JsonMapper.builder().build();

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ReportRepository reports;
    @Autowired
    private Catalog catalog;
    @Autowired
    private Open311Properties limits;
    @Autowired
    private RegisteredApps apps;

    // ---- services

    @Test
    void servicesJsonListsEveryActiveCategoryWithItsAgencyAsGroup() throws Exception {
        HttpResponse<String> response = get(V2 + "services.json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode services = json.readTree(response.body());
        assertThat(services.size()).isEqualTo(catalog.categories().size());
        JsonNode waste = find(services, "service_code", "waste");
        assertThat(waste.path("service_name").asString()).isEqualTo("Rác thải, vệ sinh môi trường");
        assertThat(waste.path("description").asString()).isEqualTo("Waste and street cleanliness");
        assertThat(waste.path("metadata").asBoolean()).isFalse();
        assertThat(waste.path("type").asString()).isEqualTo("realtime");
        assertThat(waste.path("keywords").asString()).contains("waste");
        assertThat(waste.path("group").asString()).isEqualTo("Công ty Môi trường và Công trình đô thị Huế");
        assertThat(find(services, "service_code", "public-order")).as("a private category still takes reports").isNotNull();
    }

    @Test
    void servicesXmlListsTheSameServices() throws Exception {
        HttpResponse<String> response = get(V2 + "services.xml", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.getDocumentElement().getNodeName()).isEqualTo("services");
        assertThat(xml.getElementsByTagName("service").getLength()).isEqualTo(catalog.categories().size());
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < xml.getElementsByTagName("service_code").getLength(); i++) {
            codes.add(xml.getElementsByTagName("service_code").item(i).getTextContent());
        }
        assertThat(codes).contains("waste", "flooding", "urban-order");
        assertThat(response.body()).contains("<group>Công ty Môi trường và Công trình đô thị Huế</group>", "<metadata>false</metadata>");
    }

    @Test
    void serviceDefinitionHasNoAttributes() throws Exception {
        HttpResponse<String> response = get(V2 + "services/flooding.json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode definition = json.readTree(response.body());
        assertThat(definition.path("service_code").asString()).isEqualTo("flooding");
        assertThat(definition.path("attributes").isArray()).isTrue();
        assertThat(definition.path("attributes").size()).isZero();
    }

    @Test
    void unknownServiceDefinitionIs404InOpen311Format() throws Exception {
        HttpResponse<String> response = get(V2 + "services/no-such-thing.json", null);

        assertOpen311Error(response, 404, "no service with service_code 'no-such-thing'");
    }

    @Test
    void inactiveCategoryIsNotListedAndTakesNoReports() throws Exception {
        jdbc.update("UPDATE report_category SET active = false WHERE code = 'food-safety'");
        try {
            assertThat(json.readTree(get(V2 + "services.json", null).body()).findValuesAsString("service_code")).doesNotContain("food-safety");
            HttpResponse<String> response = post(form("food-safety", PHU_HOI_LAT, PHU_HOI_LON, "bad food"), unique());
            assertOpen311Error(response, 400, "service_code 'food-safety' no longer takes requests");
        } finally {
            jdbc.update("UPDATE report_category SET active = true WHERE code = 'food-safety'");
        }
    }

    @Test
    void seedingAgainKeepsAnAdministratorsEdits() {
        jdbc.update("UPDATE report_category SET name_en = 'Tourist complaints' WHERE code = 'tourism'");

        reports.seed(catalog);

        assertThat(jdbc.queryForObject("SELECT name_en FROM report_category WHERE code = 'tourism'", String.class))
                .isEqualTo("Tourist complaints");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_category", Integer.class)).isEqualTo(catalog.categories().size());
    }

    // ---- posting

    @Test
    void postedReportIsStoredWithItsRoutingAndReadBack() throws Exception {
        String key = unique();
        Map<String, String> form = form("urban-order", PHU_HOI_LAT, PHU_HOI_LON, "Quán lấn chiếm hết vỉa hè");
        form.put("email", "citizen@example.vn");
        form.put("first_name", "Thị");
        form.put("last_name", "Nguyễn");
        form.put("phone", "+84 234 3822 000");
        form.put("address_string", "12 Phạm Ngũ Lão");
        form.put("media_url", "https://example.vn/photo.jpg");
        Instant before = Instant.now().minusSeconds(1);

        HttpResponse<String> response = post(form, key);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode receipt = json.readTree(response.body()).get(0);
        String id = receipt.path("service_request_id").asString();
        assertThat(id).matches("[0-9A-HJKMNP-TV-Z]{10}");
        String token = receipt.path("token").asString();
        assertThat(token).as("the follow-up key").matches("[0-9A-HJKMNP-TV-Z]{10}").isNotEqualTo(id);
        assertThat(receipt.has("account_id")).isTrue();
        assertThat(receipt.path("account_id").isNull()).isTrue();
        assertThat(receipt.path("service_notice").asString()).startsWith("Sent to Ủy ban nhân dân Phường Phú Hội");

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM report WHERE id = ?", id);
        assertThat(row.get("ward")).isEqualTo("Phường Phú Hội");
        assertThat(row.get("agency")).isEqualTo("ward");
        assertThat(row.get("status")).isEqualTo("open");
        assertThat(row.get("client")).isEqualTo(TestApps.client(apps, key));
        assertThat(row.get("contact_email")).isEqualTo("citizen@example.vn");
        assertThat(row.get("contact_name")).isEqualTo("Thị Nguyễn");
        assertThat(row.get("contact_phone")).isEqualTo("+84 234 3822 000");
        assertThat(row.get("duplicate_of")).isNull();
        Instant requested = ((Timestamp) row.get("requested_at")).toInstant();
        Instant deadline = ((Timestamp) row.get("deadline")).toInstant();
        assertThat(requested).isBetween(before, Instant.now());
        assertThat(deadline).as("3 working days").isAfter(requested.plus(Duration.ofDays(2))).isBefore(requested.plus(Duration.ofDays(30)));
        assertThat(jdbc.queryForList("SELECT action FROM report_event WHERE report_id = ?", String.class, id)).containsExactly("filed");

        HttpResponse<String> read = get(V2 + "requests/" + id + ".json", null);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode r = json.readTree(read.body()).get(0);
        assertThat(r.path("service_request_id").asString()).isEqualTo(id);
        assertThat(r.path("status").asString()).isEqualTo("open");
        assertThat(r.path("service_code").asString()).isEqualTo("urban-order");
        assertThat(r.path("service_name").asString()).isEqualTo("Trật tự đô thị, lấn chiếm vỉa hè");
        assertThat(r.path("description").asString()).isEqualTo("Quán lấn chiếm hết vỉa hè");
        assertThat(r.path("agency_responsible").asString()).isEqualTo("Ủy ban nhân dân Phường Phú Hội");
        assertThat(r.path("address").asString()).isEqualTo("12 Phạm Ngũ Lão");
        assertThat(r.path("media_url").asString()).isEqualTo("https://example.vn/photo.jpg");
        assertThat(r.path("lat").asDouble()).isEqualTo(PHU_HOI_LAT);
        assertThat(r.path("long").asDouble()).isEqualTo(PHU_HOI_LON);
        assertThat(r.path("requested_datetime").asString()).endsWith("+07:00");
        assertThat(OffsetDateTime.parse(r.path("requested_datetime").asString()).toInstant()).isEqualTo(requested.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(OffsetDateTime.parse(r.path("expected_datetime").asString()).toInstant()).isEqualTo(deadline.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(r.has("updated_datetime")).isTrue();
        assertThat(r.has("status_notes")).isTrue();
        assertThat(read.body()).doesNotContain("citizen@example.vn", "3822", "Nguyễn", "email", "phone", token, "token");
        HttpResponse<String> listed = get(V2 + "requests.json?service_request_id=" + id, null);
        assertThat(ids(listed)).containsExactly(id);
        assertThat(listed.body()).doesNotContain(token, "token");
        HttpResponse<String> recent = get(V2 + "requests.json?service_code=urban-order", null);
        assertThat(ids(recent)).contains(id);
        assertThat(recent.body()).doesNotContain(token, "token");
        assertThat(row.get("follow_up_key_sha256")).as("only a hash of the receipt's key is stored").isEqualTo(FollowUpKey.hash(id, token));
    }

    @Test
    void urgentReportIsDueInItsCategorysHours() throws Exception {
        HttpResponse<String> response = post(form("traffic-incident", 16.4620, 107.5950, "Va chạm xe máy"), unique());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = json.readTree(response.body()).get(0).path("service_request_id").asString();
        Map<String, Object> row = jdbc.queryForMap("SELECT agency, requested_at, deadline FROM report WHERE id = ?", id);
        assertThat(row.get("agency")).isEqualTo("traffic-police");
        assertThat(((Timestamp) row.get("deadline")).toInstant())
                .isEqualTo(((Timestamp) row.get("requested_at")).toInstant().plus(Duration.ofHours(2)));
    }

    @Test
    void reportThirtyMetresFromAnOpenOneIsItsDuplicateAndOneAtEightyMetresIsNot() throws Exception {
        String key = unique();
        double lat = 16.4638;
        double lon = 107.5916;
        String first = filed(post(form("drainage", lat, lon, "Cống bị tắc"), key));
        String near = filed(post(form("drainage", lat + 30 / METRES_PER_DEGREE, lon, "Cống tắc, nước tràn"), key));
        String far = filed(post(form("drainage", lat - 80 / METRES_PER_DEGREE, lon, "Cống khác bị tắc"), key));

        assertThat(jdbc.queryForObject("SELECT duplicate_of FROM report WHERE id = ?", String.class, first)).isNull();
        assertThat(jdbc.queryForObject("SELECT duplicate_of FROM report WHERE id = ?", String.class, near)).isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT duplicate_of FROM report WHERE id = ?", String.class, far)).isNull();
        assertThat(jdbc.queryForList("SELECT detail FROM report_event WHERE report_id = ? AND action = 'duplicate'", String.class, first))
                .containsExactly("report " + near + " repeats this one");
        assertThat(jdbc.queryForList("SELECT detail FROM report_event WHERE report_id = ? AND action = 'duplicate'", String.class, near))
                .containsExactly("linked as a duplicate of " + first);
        assertThat(json.readTree(get(V2 + "requests/" + near + ".json", null).body()).get(0).path("service_notice").asString())
                .startsWith("Already reported as " + first);
    }

    @Test
    void aRepeatOfAPrivateReportIsLinkedButNotToldTheOtherCitizensCode() throws Exception {
        String key = unique();
        String first = filed(post(form("public-order", 16.4702, 107.5905, "Tụ tập gây rối"), key));
        HttpResponse<String> repeat = post(form("public-order", 16.4702 + 20 / METRES_PER_DEGREE, 107.5905, "Gây rối"), key);
        String second = filed(repeat);
        assertThat(jdbc.queryForObject("SELECT duplicate_of FROM report WHERE id = ?", String.class, second)).isEqualTo(first);
        String notice = json.readTree(repeat.body()).get(0).path("service_notice").asString();
        assertThat(notice).startsWith("Already reported nearby; this request is linked to it").doesNotContain(first);
    }

    @Test
    void reportOfAnotherCategoryAtTheSamePlaceIsNoDuplicate() throws Exception {
        String key = unique();
        String first = filed(post(form("street-lighting", 16.4668, 107.6060, "Đèn đường tắt"), key));
        String other = filed(post(form("fallen-tree", 16.4668, 107.6060, "Cây đổ"), key));

        assertThat(first).isNotEqualTo(other);
        assertThat(jdbc.queryForObject("SELECT duplicate_of FROM report WHERE id = ?", String.class, other)).isNull();
    }

    @Test
    void postedReportIsPublishedForTheStreamJob() throws Exception {
        BlockingQueue<Report> received = new LinkedBlockingQueue<>();
        ReportCodec codec = new ReportCodec();
        MqttConnection subscriber = MqttConnection.builder(MqttSettings.of(TestBroker.url(), TestBroker.unique("open311-it")))
                .subscribe(Topics.ALL_REPORTS, 1)
                .listener((topic, message) -> received.add(codec.decode(Topics.parse(topic), message.getPayload(), Instant.now())))
                .build()
                .connect(Duration.ofSeconds(30));
        try {
            String id = filed(post(form("flooding", 16.4650, 107.5900, "Ngập sâu 40 cm"), unique()));

            Report report = null;
            long deadline = System.nanoTime() + PUBLISHED.toNanos();
            while (report == null || !report.id().equals(id)) {
                report = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertThat(report).as("report " + id + " published within " + PUBLISHED).isNotNull();
            }
            assertThat(report.category()).isEqualTo("flooding");
            assertThat(report.lat()).isCloseTo(16.4650, within(1e-9));
            assertThat(report.lon()).isCloseTo(107.5900, within(1e-9));
            assertThat(report.description()).isEqualTo("Ngập sâu 40 cm");
            assertThat(report.status()).isEqualTo("open");
            assertThat(report.ward()).isNotBlank();
            assertThat(report.time()).isEqualTo(jdbc.queryForObject("SELECT requested_at FROM report WHERE id = ?", Timestamp.class, id).toInstant());
        } finally {
            subscriber.close();
        }
    }

    @Test
    void markupInADescriptionComesBackAsTheSameText() throws Exception {
        String markup = "<script>alert('x')</script><img src=x onerror=\"alert(1)\"> & \"quoted\"";
        String id = filed(post(form("other", 16.4700, 107.5700, markup), unique()));

        HttpResponse<String> read = get(V2 + "requests/" + id + ".json", null);

        assertThat(read.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(read.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(json.readTree(read.body()).get(0).path("description").asString()).isEqualTo(markup);
        assertThat(read.body()).contains("\\\"alert(1)\\\"");
    }

    // ---- errors

    @Test
    void unknownServiceIs404() throws Exception {
        assertOpen311Error(post(form("no-such-service", PHU_HOI_LAT, PHU_HOI_LON, "x"), unique()), 404,
                "no service with service_code 'no-such-service'");
    }

    @Test
    void missingLatIs400() throws Exception {
        Map<String, String> form = form("waste", PHU_HOI_LAT, PHU_HOI_LON, "rác");
        form.remove("lat");
        assertOpen311Error(post(form, unique()), 400, "lat is required");
    }

    @Test
    void latThatIsNoNumberIs400() throws Exception {
        Map<String, String> form = form("waste", PHU_HOI_LAT, PHU_HOI_LON, "rác");
        form.put("lat", "16,469");
        assertOpen311Error(post(form, unique()), 400, "lat must be a number but was '16,469'");
    }

    @Test
    void pointOutsideTheProvinceIs400WithTheReason() throws Exception {
        assertOpen311Error(post(form("waste", 21.0285, 105.8542, "rác ở Hà Nội"), unique()), 400,
                "the point 21.0285, 105.8542 is outside Thừa Thiên Huế");
    }

    @Test
    void badEmailIs400() throws Exception {
        Map<String, String> form = form("waste", PHU_HOI_LAT, PHU_HOI_LON, "rác");
        form.put("email", "not an address");
        assertOpen311Error(post(form, unique()), 400, "email 'not an address' is not an e-mail address");
    }

    @Test
    void blankDescriptionWithoutMediaIs400() throws Exception {
        assertOpen311Error(post(form("waste", PHU_HOI_LAT, PHU_HOI_LON, "  "), unique()), 400,
                "description is required when there is no media_url");
    }

    @Test
    void tooLongDescriptionIs400AndNothingIsStored() throws Exception {
        String key = unique();
        assertOpen311Error(post(form("waste", PHU_HOI_LAT, PHU_HOI_LON, "x".repeat(ReportCodec.MAX_DESCRIPTION_CHARS + 1)), key), 400,
                "description must be at most " + ReportCodec.MAX_DESCRIPTION_CHARS + " characters");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report WHERE client = ?", Integer.class, TestApps.client(apps, key))).isZero();
    }

    @Test
    void tooManyPostsFromOneClientAre429WithRetryAfter() throws Exception {
        String key = unique();
        for (int i = 0; i < limits.postsPerWindow(); i++) {
            assertThat(post(Map.of("description", "no service"), key).statusCode()).isEqualTo(400);
        }

        HttpResponse<String> response = post(form("waste", PHU_HOI_LAT, PHU_HOI_LON, "rác"), key);

        assertOpen311Error(response, 429, "too many requests from this client");
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, limits.window().toSeconds());
        assertThat(post(form("waste", 16.4480, 107.5650, "rác"), unique()).statusCode()).as("another client").isEqualTo(201);
    }

    // ---- reading

    @Test
    void requestsJsonFindsReportsByIds() throws Exception {
        String key = unique();
        String a = filed(post(form("road-damage", 16.4510, 107.6010, "Ổ gà"), key));
        String b = filed(post(form("road-damage", 16.4530, 107.6030, "Ổ gà lớn"), key));
        filed(post(form("road-damage", 16.4550, 107.6050, "Ổ gà nữa"), key));

        List<String> found = ids(get(V2 + "requests.json?service_request_id=" + a + "," + b.toLowerCase() + "&service_code=waste", null));

        assertThat(found).as("ids win over the other filters; codes are read as Crockford base32").containsExactlyInAnyOrder(a, b);
    }

    @Test
    void requestsJsonFiltersByServiceCode() throws Exception {
        String key = unique();
        String light = filed(post(form("traffic-signal", 16.4590, 107.5990, "Đèn tín hiệu hỏng"), key));
        String water = filed(post(form("water-supply", 16.4590, 107.5990, "Vỡ ống nước"), key));

        HttpResponse<String> response = get(V2 + "requests.json?service_code=traffic-signal", null);

        assertThat(ids(response)).contains(light).doesNotContain(water);
        assertThat(json.readTree(response.body()).findValuesAsString("service_code")).containsOnly("traffic-signal");
    }

    @Test
    void requestsJsonFiltersByStatus() throws Exception {
        String key = unique();
        String open = filed(post(form("pollution", 16.4600, 107.6100, "Khói"), key));
        String closed = filed(post(form("pollution", 16.4640, 107.6100, "Tiếng ồn"), key));
        jdbc.update("UPDATE report SET status = 'closed', status_notes = 'Đã xử lý' WHERE id = ?", closed);

        assertThat(ids(get(V2 + "requests.json?service_code=pollution&status=open", null))).contains(open).doesNotContain(closed);
        assertThat(ids(get(V2 + "requests.json?service_code=pollution&status=closed", null))).contains(closed).doesNotContain(open);
        assertThat(ids(get(V2 + "requests.json?service_code=pollution&status=open,closed", null))).contains(open, closed);
        JsonNode shown = json.readTree(get(V2 + "requests/" + closed + ".json", null).body()).get(0);
        assertThat(shown.path("status").asString()).isEqualTo("closed");
        assertThat(shown.path("status_notes").asString()).isEqualTo("Đã xử lý");
        assertOpen311Error(get(V2 + "requests.json?status=pending", null), 400, "status must be open or closed but was 'pending'");
    }

    @Test
    void requestsJsonFiltersByDates() throws Exception {
        String id = filed(post(form("construction", 16.4485, 107.5990, "Xây trái phép"), unique()));
        OffsetDateTime now = OffsetDateTime.now(Open311Time.HUE);

        assertThat(ids(get(V2 + "requests.json?start_date=" + enc(now.minusHours(1)) + "&end_date=" + enc(now.plusHours(1)), null))).contains(id);
        assertThat(ids(get(V2 + "requests.json?start_date=" + enc(now.plusHours(1)), null))).doesNotContain(id);
        assertThat(ids(get(V2 + "requests.json?end_date=" + enc(now.minusHours(1)), null))).doesNotContain(id);
        // a '+' left unencoded arrives as a space and is still read as the offset
        assertThat(ids(get(V2 + "requests.json?start_date=" + now.minusHours(1).withNano(0), null))).contains(id);
        assertOpen311Error(get(V2 + "requests.json?start_date=yesterday", null), 400, "start_date must be an ISO 8601 date-time");
    }

    @Test
    void requestsJsonDefaultsToTheLast90Days() throws Exception {
        String old = filed(post(form("tourism", 16.4680, 107.5790, "Chèo kéo khách"), unique()));
        jdbc.update("UPDATE report SET requested_at = requested_at - interval '100 days' WHERE id = ?", old);

        assertThat(ids(get(V2 + "requests.json?service_code=tourism", null))).doesNotContain(old);
        String start = enc(OffsetDateTime.now(Open311Time.HUE).minusDays(120));
        assertThat(ids(get(V2 + "requests.json?service_code=tourism&start_date=" + start, null))).contains(old);
    }

    @Test
    void reportsOfPrivateCategoriesAreNotPublic() throws Exception {
        String id = filed(post(form("public-order", 16.4630, 107.5850, "Đánh nhau"), unique()));

        assertThat(jdbc.queryForObject("SELECT agency FROM report WHERE id = ?", String.class, id)).isEqualTo("public-security");
        assertThat(ids(get(V2 + "requests.json", null))).doesNotContain(id);
        assertThat(ids(get(V2 + "requests.json?service_request_id=" + id, null))).isEmpty();
        assertThat(ids(get(V2 + "requests.json?service_code=public-order", null))).isEmpty();
        assertOpen311Error(get(V2 + "requests/" + id + ".json", null), 404, "no service request with service_request_id '" + id + "'");
    }

    @Test
    void unknownRequestIs404() throws Exception {
        assertOpen311Error(get(V2 + "requests/0000000000.json", null), 404, "no service request with service_request_id '0000000000'");
    }

    // ---- helpers

    /** A newly registered app's api_key. */
    private String unique() {
        return TestApps.register(apps, "app");
    }

    private static Map<String, String> form(String serviceCode, double lat, double lon, String description) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("service_code", serviceCode);
        form.put("lat", String.valueOf(lat));
        form.put("long", String.valueOf(lon));
        form.put("description", description);
        return form;
    }

    /** Posts as a citizen's app does: form-encoded, no login, no session, no CSRF token. */
    private HttpResponse<String> post(Map<String, String> form, String apiKey) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("api_key", apiKey);
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(V2 + "requests.json")))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String filed(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get(0).path("service_request_id").asString();
    }

    private List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).findValuesAsString("service_request_id");
    }

    private void assertOpen311Error(HttpResponse<String> response, int status, String descriptionStart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode errors = json.readTree(response.body());
        assertThat(errors.isArray()).as(response.body()).isTrue();
        assertThat(errors.get(0).path("code").asInt()).isEqualTo(status);
        assertThat(errors.get(0).path("description").asString()).startsWith(descriptionStart);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asString().equals(value)) {
                return n;
            }
        }
        return null;
    }

    private static String enc(OffsetDateTime t) {
        return URLEncoder.encode(t.withNano(0).toString(), StandardCharsets.UTF_8);
    }
}
