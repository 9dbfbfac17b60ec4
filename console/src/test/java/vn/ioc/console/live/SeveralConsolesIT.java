package vn.ioc.console.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import vn.ioc.console.IocConsoleApplication;
import vn.ioc.console.LiveSocketClient;
import vn.ioc.console.TestIncidents;
import vn.ioc.console.TestReports;
import vn.ioc.console.cluster.ReplicaNotices;
import vn.ioc.console.report.ReportEscalation;
import vn.ioc.console.report.ReportService;
import vn.ioc.console.security.ApiTokens;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.testing.TestBroker;
import vn.ioc.ingest.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ioc.console.LiveSocketClient.incident;

/**
 * Two console replicas, started at the same time, on one database and one broker: a browser of
 * console B sees what an operator or an agency did on console A, once, and console A's browser
 * sees it once too; B's listener survives losing its database backend and tells its browsers to
 * reload; the escalation sweep run by both at once escalates each report once.
 */
class SeveralConsolesIT {

    private static final Duration PUSH = Duration.ofSeconds(20);
    private static final String PASSWORD = "it-" + UUID.randomUUID();
    private static final TestDatabase DB = TestDatabase.freshSchema();

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static String tokenOnA;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTwoConsoles() throws Exception {
        Map<String, String> settings = Map.of(
                "server.port", "0",
                "spring.datasource.url", DB.jdbcUrl(),
                "ioc.mqtt.url", TestBroker.url(),
                "ioc.admin.password", PASSWORD,
                "ioc.map.tile-url", "");
        // at the same time, as replicas of a deployment do: migrations, seeding and the first administrator race
        CompletableFuture<ConfigurableApplicationContext> first = CompletableFuture.supplyAsync(() -> IocConsoleApplication.start(settings));
        CompletableFuture<ConfigurableApplicationContext> second = CompletableFuture.supplyAsync(() -> IocConsoleApplication.start(settings));
        a = first.get(180, TimeUnit.SECONDS);
        b = second.get(180, TimeUnit.SECONDS);
        tokenOnA = a.getBean(ApiTokens.class).create("admin", "several-consoles-it", null).secret();
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    private static int port(ConfigurableApplicationContext console) {
        return Integer.parseInt(console.getEnvironment().getProperty("local.server.port"));
    }

    private static LiveSocketClient browserOf(ConfigurableApplicationContext console) throws Exception {
        return LiveSocketClient.connect(port(console), "Basic " + java.util.Base64.getEncoder()
                .encodeToString(("admin:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static void awaitListening() {
        await("both consoles listen to each other").atMost(PUSH)
                .until(() -> a.getBean(ReplicaUpdates.class).isListening() && b.getBean(ReplicaUpdates.class).isListening());
    }

    private HttpResponse<String> postOnA(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(a) + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + tokenOnA)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Incident storedIncident(String prefix) {
        Incident i = TestIncidents.open(TestBroker.unique(prefix), Instant.now());
        TestIncidents.store(DB, i);
        return i;
    }

    private static Predicate<JsonNode> incidentWithStatus(String id, String status) {
        return incident(id).and(m -> status.equals(m.path("data").path("status").asString()));
    }

    private static Predicate<JsonNode> reportWithStatus(String id, String status) {
        return m -> "report".equals(m.path("kind").asString()) && id.equals(m.path("data").path("id").asString())
                && status.equals(m.path("data").path("status").asString());
    }

    /** What the other console had to say has arrived by the time B's browser has it; then A's frames are counted. */
    private static long countAfterASecond(LiveSocketClient socket, Predicate<JsonNode> matching) throws InterruptedException {
        Thread.sleep(1000);
        return socket.all().stream().filter(matching).count();
    }

    @Test
    void operatorsAcknowledgementOnConsoleAReachesABrowserOfConsoleBOnce() throws Exception {
        awaitListening();
        Incident i = storedIncident("replica-ack");
        try (LiveSocketClient onA = browserOf(a); LiveSocketClient onB = browserOf(b)) {
            HttpResponse<String> response = postOnA("/api/incidents/" + i.id() + "/acknowledge", "{\"note\": \"on my way\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

            JsonNode seenOnB = onB.await(incidentWithStatus(i.id(), "ACKNOWLEDGED"), PUSH);
            assertThat(seenOnB).as("console B's browser sees the acknowledgement made on A").isNotNull();
            assertThat(seenOnB.path("data").path("updatedAt").asString()).as("read from the database").isNotEmpty();
            assertThat(onA.await(incidentWithStatus(i.id(), "ACKNOWLEDGED"), PUSH)).as("and A's browser").isNotNull();
            assertThat(countAfterASecond(onA, incident(i.id()))).as("A pushes its own change once, not again from its notice").isEqualTo(1);
            assertThat(countAfterASecond(onB, incident(i.id()))).isEqualTo(1);
        }
    }

    @Test
    void aDecisionThatDoesNotApplyIsNotAnnounced() throws Exception {
        awaitListening();
        Incident i = storedIncident("replica-refused");
        try (LiveSocketClient onB = browserOf(b)) {
            assertThat(postOnA("/api/incidents/" + i.id() + "/resolve", "{\"note\": \"done\"}").statusCode()).isEqualTo(200);
            assertThat(onB.await(incidentWithStatus(i.id(), "RESOLVED"), PUSH)).isNotNull();

            HttpResponse<String> refused = postOnA("/api/incidents/" + i.id() + "/acknowledge", "{}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(countAfterASecond(onB, incident(i.id()))).as("only the resolution").isEqualTo(1);
        }
    }

    @Test
    void agencysAnswerOnConsoleAReachesABrowserOfConsoleB() throws Exception {
        awaitListening();
        String id = TestReports.file(a.getBean(ReportService.class), "waste", "Rác chưa thu gom").id();
        try (LiveSocketClient onA = browserOf(a); LiveSocketClient onB = browserOf(b)) {
            HttpResponse<String> response = postOnA("/api/agency/reports/" + id + "/answer",
                    "{\"notes\": \"Đã thu gom\", \"close\": true}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

            assertThat(onB.await(reportWithStatus(id, "closed"), PUSH)).as("console B's browser hears of the answer").isNotNull();
            assertThat(onA.await(reportWithStatus(id, "closed"), PUSH)).isNotNull();
            assertThat(countAfterASecond(onA, reportWithStatus(id, "closed"))).as("once on A").isEqualTo(1);
        }
    }

    @Test
    void afterItsListenerLostTheDatabaseConsoleBResyncsItsBrowsersAndStillHearsConsoleA() throws Exception {
        awaitListening();
        try (LiveSocketClient onB = browserOf(b)) {
            String listener = "ioc-console-listen-" + b.getBean(ReplicaNotices.class).origin();
            try (Connection c = DB.connect(); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '"
                         + listener + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("B's listening backend").isEqualTo(1);
            }

            assertThat(onB.await(m -> "resync".equals(m.path("kind").asString()), PUSH)).as("B tells its browsers to reload").isNotNull();
            awaitListening();
            Incident i = storedIncident("replica-after-outage");
            assertThat(postOnA("/api/incidents/" + i.id() + "/acknowledge", "{}").statusCode()).isEqualTo(200);
            assertThat(onB.await(incidentWithStatus(i.id(), "ACKNOWLEDGED"), PUSH)).as("a change after the outage").isNotNull();
        }
    }

    @Test
    void escalationSweepRunOnBothConsolesAtOnceEscalatesEachReportOnce() throws Exception {
        ReportService service = a.getBean(ReportService.class);
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        List<String> overdue = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            String id = TestReports.file(service, "waste", "Quá hạn " + n).id();
            TestReports.deadline(jdbc, id, Instant.now().minus(Duration.ofHours(1)));
            overdue.add(id);
        }
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<List<String>> onA = CompletableFuture.supplyAsync(() -> sweepWith(a, together));
        CompletableFuture<List<String>> onB = CompletableFuture.supplyAsync(() -> sweepWith(b, together));

        List<String> escalated = new ArrayList<>(onA.get(60, TimeUnit.SECONDS));
        escalated.addAll(onB.get(60, TimeUnit.SECONDS));

        assertThat(escalated).as("each report by one console").containsAll(overdue).doesNotHaveDuplicates();
        for (String id : overdue) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM report_event WHERE report_id = ? AND action = 'escalated'", Long.class, id))
                    .as("escalation steps of " + id).isEqualTo(1);
        }
    }

    private static List<String> sweepWith(ConfigurableApplicationContext console, CyclicBarrier together) {
        try {
            together.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return console.getBean(ReportEscalation.class).escalateOverdue();
    }
}
