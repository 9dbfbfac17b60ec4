package vn.ioc.console;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.testing.TestBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConsoleApplicationIT extends ConsoleIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void incidentWrittenByTheStreamJobIsListed() throws Exception {
        Incident i = TestIncidents.open(TestBroker.unique("it-incident"), Instant.now().minus(5, ChronoUnit.MINUTES));
        TestIncidents.store(DB, i);

        HttpResponse<String> response = getAsAdmin("/api/incidents");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode listed = find(JSON.readTree(response.body()), i.id());
        assertThat(listed).as("incident " + i.id() + " in /api/incidents").isNotNull();
        assertThat(listed.path("status").asString()).isEqualTo("OPEN");
        assertThat(listed.path("openedAt").asString()).isEqualTo(i.openedAt().toString());
        assertThat(listed.path("ward").asString()).isEqualTo("Phường Đông Ba");
    }

    @Test
    void newestIncidentsComeFirst() throws Exception {
        Incident older = TestIncidents.open(TestBroker.unique("it-older"), Instant.now().minus(2, ChronoUnit.HOURS));
        Incident newer = TestIncidents.open(TestBroker.unique("it-newer"), Instant.now().minus(1, ChronoUnit.HOURS));
        TestIncidents.store(DB, older);
        TestIncidents.store(DB, newer);

        JsonNode all = JSON.readTree(getAsAdmin("/api/incidents").body());

        assertThat(indexOf(all, newer.id())).isLessThan(indexOf(all, older.id()));
    }

    @Test
    void healthIsPublicAndReportsTheDatabase() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").has("mqtt")).isTrue();
    }

    @Test
    void apiWithoutALoginIs401AndThePageRedirectsToTheLoginPage() throws Exception {
        assertThat(get("/api/devices", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/incidents", null).statusCode()).isEqualTo(401);

        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void staticAssetsAndWardsArePublic() throws Exception {
        assertThat(get("/webjars/leaflet/dist/leaflet.js", null).statusCode()).isEqualTo(200);
        assertThat(get("/js/map.js", null).statusCode()).isEqualTo(200);
        assertThat(get("/css/map.css", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/wards", null).statusCode()).isEqualTo(200);
    }

    @Test
    void formLoginGivesASessionForTheMapAndTheWebSocket() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(loginPage);
        assertThat(csrf.find()).as("a CSRF field in the login form").isTrue();

        String form = "username=" + ADMIN + "&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").map(l -> URI.create(l).getPath())).hasValue("/");

        HttpResponse<String> map = browser.send(HttpRequest.newBuilder(URI.create(url("/"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(map.statusCode()).isEqualTo(200);
        assertThat(map.body()).contains("id=\"incident-list\"").contains("webjars/leaflet/dist/leaflet.js");

        String session = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow().getValue();
        try (LiveSocketClient socket = LiveSocketClient.connectWithCookie(port, "JSESSIONID=" + session)) {
            assertThat(socket).isNotNull();
        }
    }

    @Test
    void latestCameraFrameFromMqttIsServed() throws Exception {
        String site = TestBroker.unique("it-cam-site");
        assertFrameServed(Topics.cameraFrame(site, "cam-1"), "/api/cameras/" + site + "/cam-1/frame.jpg");
    }

    /** A camera that is not public sends to the operators' topic; the operator console shows it too. */
    @Test
    void operatorsOnlyCameraFrameIsServedToOperators() throws Exception {
        String site = TestBroker.unique("it-ops-cam-site");
        assertFrameServed(Topics.operatorFrame(site, "cam-2"), "/api/cameras/" + site + "/cam-2/frame.jpg");
    }

    private void assertFrameServed(String topic, String path) throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 42, (byte) 0xFF, (byte) 0xD9};
        assertThat(getAsAdmin(path).statusCode()).isEqualTo(404);

        publish(topic, jpeg, 0, true);
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                HttpResponse<byte[]> frame = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(frame.statusCode()).isEqualTo(200);
                assertThat(frame.headers().firstValue("Content-Type")).hasValue("image/jpeg");
                assertThat(frame.headers().firstValue("Cache-Control")).hasValue("no-store");
                assertThat(frame.body()).isEqualTo(jpeg);
            });
        } finally {
            publish(topic, new byte[0], 0, true);
        }
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (id.equals(n.path("id").asString())) {
                return n;
            }
        }
        return null;
    }

    private static int indexOf(JsonNode array, String id) {
        for (int i = 0; i < array.size(); i++) {
            if (id.equals(array.get(i).path("id").asString())) {
                return i;
            }
        }
        throw new AssertionError("no incident " + id + " in " + array);
    }
}
