package vn.ioc.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.ioc.console.report.FiledReport;
import vn.ioc.console.report.ReportService;
import vn.ioc.console.security.AppUserRepository;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.contract.IncidentCodec;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.SiteStatusCodec;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.testing.TestBroker;

/**
 * {@code /actuator/prometheus} and the health groups of the whole console, with a real broker
 * and database: counters move by what was really published, the lag is at least how old the
 * messages were made, the outbox gauge follows the database, and the access rules hold.
 */
class MetricsAndHealthIT extends ConsoleIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration AGE = Duration.ofSeconds(3);
    private static final int INCIDENTS = 3;

    private final IncidentCodec incidents = new IncidentCodec();
    private final SiteStatusCodec statuses = new SiteStatusCodec();

    @Autowired
    private ReportService reports;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private AppUserRepository users;
    @Autowired
    private PasswordEncoder encoder;

    @Test
    void countersMoveByWhatArrivesOnMqttAndGoesToTheBrowsers() throws Exception {
        try (LiveSocketClient socket = LiveSocketClient.connect(port, basic(ADMIN, ADMIN_PASSWORD))) {
            awaitConsoleSubscribed(socket);
            String before = scrape();
            assertThat(value(before, "ioc_console_live_clients", "")).isGreaterThanOrEqualTo(1);

            Instant made = Instant.now().minus(AGE);
            for (int i = 0; i < INCIDENTS; i++) {
                Incident incident = TestIncidents.open(TestBroker.unique("metrics-incident"), made);
                publish(Topics.incident(incident.id()), incidents.encode(incident), 1, false);
                assertThat(socket.await(LiveSocketClient.incident(incident.id()), PATIENCE)).isNotNull();
            }
            String site = TestBroker.unique("metrics-site");
            publish(Topics.status(site), statuses.encode(new SiteStatus("agent-" + site, site, false, made, "connection lost",
                    null, null, null, null)), 1, false);
            assertThat(socket.await(LiveSocketClient.site(site), PATIENCE)).isNotNull();
            publish(Topics.incident(TestBroker.unique("metrics-broken")), "{\"id\": \"oops".getBytes(StandardCharsets.UTF_8), 1, false);

            await().atMost(PATIENCE).untilAsserted(() -> {
                String after = scrape();
                assertThat(delta(before, after, "ioc_console_mqtt_invalid_total", "")).isEqualTo(1);
                // the broken one was an incident too, until it failed to decode
                assertThat(delta(before, after, "ioc_console_mqtt_messages_total", "kind=\"incident\"")).isEqualTo(INCIDENTS + 1);
                assertThat(delta(before, after, "ioc_console_mqtt_messages_total", "kind=\"status\"")).isGreaterThanOrEqualTo(1);
                assertThat(delta(before, after, "ioc_console_mqtt_lag_seconds_count", "kind=\"incident\"")).isEqualTo(INCIDENTS);
                assertThat(delta(before, after, "ioc_console_mqtt_lag_seconds_sum", "kind=\"incident\""))
                        .isGreaterThanOrEqualTo(INCIDENTS * AGE.toSeconds());
                // retained births and cleared statuses say nothing of the lag: only the one fresh status counts
                assertThat(delta(before, after, "ioc_console_mqtt_lag_seconds_count", "kind=\"status\"")).isEqualTo(1);
                assertThat(delta(before, after, "ioc_console_live_updates_total", "kind=\"incident\"")).isEqualTo(INCIDENTS);
                assertThat(delta(before, after, "ioc_console_live_sent_total", "")).isGreaterThanOrEqualTo(INCIDENTS + 1);
            });
        }
    }

    @Test
    void publishedReportsAndTheOutboxDepthAreCounted() throws Exception {
        String before = scrape();
        FiledReport report = TestReports.file(reports, "waste", "rác chưa thu gom");
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT published_at FROM report WHERE id = ?", Timestamp.class,
                report.id()) != null);
        String published = scrape();
        assertThat(delta(before, published, "ioc_console_reports_published_total", "")).isEqualTo(1);

        // as if the broker had never taken it: the outbox holds one more
        Timestamp at = jdbc.queryForObject("SELECT published_at FROM report WHERE id = ?", Timestamp.class, report.id());
        jdbc.update("UPDATE report SET published_at = NULL WHERE id = ?", report.id());
        try {
            assertThat(delta(published, scrape(), "ioc_console_reports_outbox", "")).isEqualTo(1);
        } finally {
            jdbc.update("UPDATE report SET published_at = ? WHERE id = ?", at, report.id());
        }
    }

    @Test
    void healthGroupsArePublicAndReadinessCoversTheDatabaseAndTheBroker() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness", null);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");

        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> readiness = get("/actuator/health/readiness", null);
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"status\":\"UP\"", "\"db\":{\"status\":\"UP\"", "\"mqtt\":{\"status\":\"UP\"",
                    "\"readinessState\":{\"status\":\"UP\"");
        });
    }

    @Test
    void onlyAdministratorsGetTheScrape() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        String operator = TestUsers.create(users, encoder, AppUserRepository.Role.OPERATOR);
        assertThat(get("/actuator/prometheus", basic(operator, TestUsers.PASSWORD)).statusCode()).isEqualTo(403);
        HttpResponse<String> admin = getAsAdmin("/actuator/prometheus");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("# TYPE ioc_console_mqtt_messages_total counter");
    }

    private String scrape() throws Exception {
        HttpResponse<String> r = getAsAdmin("/actuator/prometheus");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static double delta(String before, String after, String name, String label) {
        return value(after, name, label) - value(before, name, label);
    }

    /** The one sample of {@code name} whose labels contain {@code label}; 0 when there is none yet (a counter not used so far). */
    private static double value(String scrape, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{([^}]*)\\})? (\\S+)$").matcher(scrape);
        Double found = null;
        while (m.find()) {
            String labels = m.group(1) == null ? "" : m.group(1);
            if (labels.contains(label)) {
                assertThat(found).as("one sample of %s{%s}", name, label).isNull();
                found = Double.parseDouble(m.group(2));
            }
        }
        return found == null ? 0 : found;
    }

    /** A retained birth of a new site pushed to the socket: the console's subscription is in place. */
    private void awaitConsoleSubscribed(LiveSocketClient socket) throws InterruptedException {
        String site = TestBroker.unique("metrics-birth");
        publish(Topics.status(site), statuses.encode(TestIncidents.birth(site, "Cầu Trường Tiền", 16.4667, 107.5876)), 1, true);
        try {
            assertThat(socket.await(LiveSocketClient.site(site), PATIENCE)).as("the console subscribed").isNotNull();
        } finally {
            publish(Topics.status(site), new byte[0], 1, true);
        }
    }
}
