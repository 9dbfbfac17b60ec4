package vn.ioc.console.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import vn.ioc.console.HeadlessChromium;
import vn.ioc.ingest.contract.Json;
import vn.ioc.ingest.contract.Measurement;
import vn.ioc.ingest.contract.SenmlCodec;
import vn.ioc.ingest.contract.SensorMessage;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.SiteStatusCodec;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.embedded.Ports;
import vn.ioc.ingest.mqtt.MqttConnection;
import vn.ioc.ingest.mqtt.MqttSettings;

/**
 * The whole local system as the quickstart runs it (embedded broker and PostgreSQL, the
 * Flink job on a MiniCluster, the console) with a test site instead of the replay: readings
 * go in over MQTT, the job raises an incident, and an operator's map shows it without a reload.
 */
class LocalSystemIT {

    private static final String ADMIN_PASSWORD = "local-system-it-secret";
    private static final String SITE = "hue-test-vida";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final double SPEEDUP = 300; // a 10-minute rule needs 2 s of slow readings

    private Path data;
    private LocalSettings settings;
    private LocalLauncher launcher;
    private MqttConnection site;
    private volatile long seq;

    @BeforeEach
    void start() throws Exception {
        data = Files.createTempDirectory("ioc-local-");
        settings = new LocalSettings(Ports.free(), Ports.free(), data, 0, false, SPEEDUP, 2);
        launcher = new LocalLauncher();
        launcher.start(settings, "--ioc.admin.password=" + ADMIN_PASSWORD);
    }

    /**
     * The test site connects and announces itself, as an agent does when it starts sending.
     * Not earlier: a site silent for 30 s (the local run's timeout) is rightly reported offline.
     * Returns once the job has registered it.
     */
    private void siteComesOnline() throws Exception {
        site = MqttConnection.builder(MqttSettings.of("tcp://127.0.0.1:" + settings.mqttPort(), SITE)).build()
                .connect(Duration.ofSeconds(30));
        site.publish(Topics.status(SITE), new SiteStatusCodec().encode(SiteStatus.birth(SITE, SITE, Instant.now(),
                "Nút giao thử nghiệm", 16.481, 107.601,
                List.of(new SiteStatus.Device("loop-1", SiteStatus.Kind.SENSOR, "traffic-loop", false)))), 1, true)
                .get(10, TimeUnit.SECONDS);
        // the birth and the readings travel in different MQTT sessions: send readings once the job knows the site
        await().atMost(WAIT).until(() -> devices().stream()
                .anyMatch(d -> d.path("id").asString().equals(SITE + "/loop-1") && d.path("online").asBoolean()));
    }

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void incidentRaisedByThePipelineAppearsOnTheMapWithoutAReloadAndLeavesWhenItClears() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start(WAIT)) {
            chromium.logInToTheMap(base(), "admin", ADMIN_PASSWORD);
            chromium.waiting().until(d -> "152".equals(chromium.dataset("wards")));
            chromium.awaitLive();
            ((JavascriptExecutor) chromium.browser()).executeScript("window.sameDocument = 'yes';");

            siteComesOnline();
            List<String> entry;
            // slow: congestion after 2 s (10 min recorded); the detector keeps sending, as a live one does,
            // so event time goes on even while the job waits for a quiet session to count as idle
            try (AutoCloseable slow = keepPublishingSpeeds(18)) {
                // read id and text in one step: the list redraws an entry when its incident is updated
                @SuppressWarnings("unchecked")
                List<String> found = (List<String>) chromium.waiting().until(d -> ((JavascriptExecutor) d).executeScript(
                        "const li = [...document.querySelectorAll('#incident-list li[data-incident-id]')]"
                                + ".find(e => e.innerText.includes('Ùn tắc'));"
                                + "return li ? [li.dataset.incidentId, li.innerText] : null;"));
                entry = found;
            }
            String id = entry.get(0);
            assertThat(entry.get(1)).contains("Phường Vĩ Dạ").contains("Cao");
            // choosing it in the list brings its marker out of any cluster
            // (the list redraws the entry at each update of the incident: find it again if it went stale)
            chromium.waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                d.findElement(By.cssSelector("#incident-list li[data-incident-id='" + id + "']")).click();
                return true;
            });
            chromium.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".incident-marker[data-incident-id='" + id + "']"), 1));
            assertThat(((JavascriptExecutor) chromium.browser()).executeScript("return window.sameDocument;"))
                    .as("the page was not reloaded").isEqualTo("yes");

            JsonNode stored = incident(id);
            assertThat(stored.path("type").asString()).isEqualTo("CONGESTION");
            assertThat(stored.path("ward").asString()).isEqualTo("Phường Vĩ Dạ");
            assertThat(stored.path("lat").asDouble()).isEqualTo(16.481);

            try (AutoCloseable flowing = keepPublishingSpeeds(70)) { // traffic flows again: cleared after 2 s
                chromium.waiting().until(ExpectedConditions.numberOfElementsToBe(
                        By.cssSelector("#incident-list li[data-incident-id='" + id + "']"), 0));
            }
            assertThat(incident(id).path("status").asString()).isEqualTo("CLEARED");
        }
    }

    @Test
    void restartKeepsTheHistoryUnderTheDataDirectory() throws Exception {
        siteComesOnline();
        String id;
        // slow readings until the job has stored the congestion: a detector that stopped after a few
        // seconds would leave event time standing before the rule's end when the job starts slowly
        try (AutoCloseable slow = keepPublishingSpeeds(18)) {
            // the congestion, not the offline incident that follows once the site falls silent
            id = await().atMost(WAIT).until(() -> incidents().stream()
                    .filter(i -> i.path("type").asString().equals("CONGESTION"))
                    .map(i -> i.path("id").asString()).findFirst(), java.util.Optional::isPresent).orElseThrow();
        }

        site.close();
        site = null;
        launcher.close();
        launcher = new LocalLauncher();
        launcher.start(settings, "--ioc.admin.password=" + ADMIN_PASSWORD);

        assertThat(incident(id).path("type").asString()).isEqualTo("CONGESTION");
        assertThat(devices()).extracting(d -> d.path("id").asString()).contains(SITE + "/loop-1");
    }

    @Test
    void portInUseStopsTheStartWithOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "vn.ioc.console.IocConsoleApplication", "local");
            pb.environment().put("SERVER_PORT", Integer.toString(taken.getLocalPort()));
            pb.environment().put("IOC_MQTT_PORT", Integer.toString(Ports.free()));
            pb.environment().put("IOC_DATA_DIR", data.resolve("other").toString());
            pb.redirectErrorStream(false);
            Process p = pb.start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(err).isEqualTo("ioc: console: port " + taken.getLocalPort() + " is already in use; set SERVER_PORT to a free port");
        }
    }

    /** Readings every 200 ms at the current time from a thread of their own, until closed. */
    private AutoCloseable keepPublishingSpeeds(double kmh) {
        java.util.concurrent.ScheduledExecutorService feed = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        SenmlCodec codec = new SenmlCodec();
        feed.scheduleAtFixedRate(() -> {
            SensorMessage m = new SensorMessage(SITE, seq++, SITE, "loop-1", List.of(new Measurement("speed", "km/h", kmh, Instant.now())));
            site.publish(Topics.sensorObservations(SITE, "loop-1"), codec.encode(m), 1, false);
        }, 0, 200, TimeUnit.MILLISECONDS);
        return () -> {
            feed.shutdown();
            feed.awaitTermination(5, TimeUnit.SECONDS);
        };
    }

    private String base() {
        return "http://localhost:" + settings.serverPort();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        String auth = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as("GET %s", path).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    private JsonNode incident(String id) throws IOException, InterruptedException {
        return get("/api/incidents/" + id);
    }

    private List<JsonNode> incidents() throws IOException, InterruptedException {
        return get("/api/incidents").valueStream().toList();
    }

    private List<JsonNode> devices() throws IOException, InterruptedException {
        return get("/api/devices").valueStream().toList();
    }
}
