package vn.ioc.streaming.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.contract.Measurement;
import vn.ioc.ingest.contract.Report;
import vn.ioc.ingest.contract.ReportCodec;
import vn.ioc.ingest.contract.SenmlCodec;
import vn.ioc.ingest.contract.SensorMessage;
import vn.ioc.ingest.contract.SiteStatusCodec;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.mqtt.MqttConnection;
import vn.ioc.ingest.mqtt.MqttSettings;
import vn.ioc.ingest.store.IncidentStore;
import vn.ioc.ingest.store.SiteStore;
import vn.ioc.ingest.testing.TestBroker;
import vn.ioc.ingest.testing.TestDatabase;
import vn.ioc.streaming.sink.DbSettings;
import vn.ioc.streaming.testing.EdgeMessages;

/**
 * The production job (MQTT source, PostgreSQL and MQTT sinks) on a MiniCluster against a
 * real broker and a real database, stopped and restored from its last checkpoint while the
 * sites keep publishing. Afterwards every published reading is stored exactly once and the
 * congestion that spans the restart is one incident. A citizen's report filed before the stop
 * and another after the restore are each linked to their site's incident exactly once.
 */
class JobRestoreIT {

    private static final double SPEEDUP = 300; // replayed data: a 10-minute rule takes 2 s
    private static final int SITES = 4;
    private static final long PERIOD_MS = 50; // each site: 20 readings a second

    private TestDatabase db;
    private Path checkpoints;
    private JobClient job;
    private final List<MqttConnection> sites = new ArrayList<>();
    private final AtomicBoolean publishing = new AtomicBoolean(true);
    private final AtomicBoolean slow = new AtomicBoolean(false);
    private final AtomicLong published = new AtomicLong();
    private final List<CompletableFuture<Void>> acks = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.freshSchema();
        checkpoints = Files.createTempDirectory("ioc-checkpoints");
    }

    @AfterEach
    void tearDown() throws Exception {
        publishing.set(false);
        if (job != null) {
            job.cancel().get(60, TimeUnit.SECONDS);
        }
        for (MqttConnection c : sites) {
            c.publish(Topics.status(c.settings().clientId()), new byte[0], 1, true).get(10, TimeUnit.SECONDS);
            c.close();
        }
        db.drop();
    }

    private JobSettings settings(String clientId, String group, String stateBackend) {
        return new JobSettings(MqttSettings.of(TestBroker.url(), clientId), group, 2,
                new DbSettings(db.jdbcUrl(), null, null), Duration.ofMillis(500), checkpoints.toUri().toString(), stateBackend, SPEEDUP);
    }

    private static Configuration parallelism(int p) {
        Configuration c = new Configuration();
        c.set(CoreOptions.DEFAULT_PARALLELISM, p);
        return c;
    }

    @ParameterizedTest(name = "{0} state")
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void restoredJobStoresEveryReadingOnceAndKeepsTheOpenIncident(String stateBackend) throws Exception {
        String clientId = TestBroker.unique("job");
        String group = TestBroker.unique("grp");
        JobSettings s = settings(clientId, group, stateBackend);
        job = IncidentJob.start(s, parallelism(2));
        awaitRunning();

        String[] ids = new String[SITES];
        double[][] places = {{16.469, 107.597}, {16.459, 107.586}, {16.475, 107.578}, {16.481, 107.601}};
        for (int i = 0; i < SITES; i++) {
            ids[i] = TestBroker.unique("site");
            MqttConnection c = MqttConnection.builder(MqttSettings.of(TestBroker.url(), ids[i])).build();
            c.connect(Duration.ofSeconds(30));
            c.publish(Topics.status(ids[i]), new SiteStatusCodec().encode(EdgeMessages.loopSite(ids[i], places[i][0], places[i][1], Instant.now())), 1, true)
                    .get(10, TimeUnit.SECONDS);
            sites.add(c);
        }
        Thread publisher = new Thread(() -> publish(ids), "edge publisher");
        publisher.start();

        Thread.sleep(3000);
        slow.set(true); // congestion everywhere, lasting across the restart
        Thread.sleep(1500);
        fileReport("r-before", places[0]); // a citizen reports the jam at the first site before the restart...
        awaitCompletedCheckpoints(3);
        job.cancel().get(60, TimeUnit.SECONDS);
        Path restoreFrom = Checkpoints.latest(checkpoints).orElseThrow();
        long atStop = published.get();

        Thread.sleep(2000); // the sites keep publishing while no job runs
        Configuration restore = parallelism(2);
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom.toUri().toString());
        job = IncidentJob.start(s, restore);
        awaitRunning();
        Thread.sleep(1000);
        fileReport("r-after", places[1]); // ...and another at the second site after it
        Thread.sleep(2000);
        slow.set(false);
        Thread.sleep(8000); // normal long enough to clear, and for event time to pass it
        publishing.set(false);
        publisher.join();
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        long total = published.get();
        assertThat(total).isGreaterThan(atStop);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> db.count("SELECT count(*) FROM observation") >= total);
        Thread.sleep(1500); // anything beyond would be a duplicate
        assertThat(db.count("SELECT count(*) FROM observation")).isEqualTo(total);
        assertThat(db.count("SELECT count(DISTINCT (agent_id, seq, idx)) FROM observation")).isEqualTo(total);

        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT count(*) FROM incident WHERE status = 'CLEARED'") >= SITES
                || db.count("SELECT count(*) FROM incident") > SITES);
        try (Connection c = db.connect()) {
            List<Incident> incidents = IncidentStore.activeOrSince(c, Instant.EPOCH, 100);
            assertThat(incidents).filteredOn(i -> i.type() == Incident.Type.CONGESTION)
                    .as("one congestion incident per site, opened before the restart and cleared after it")
                    .hasSize(SITES).allSatisfy(i -> assertThat(i.status()).isEqualTo(Incident.Status.CLEARED));
            assertThat(incidents).filteredOn(i -> i.type() == Incident.Type.DEVICE_OFFLINE).isEmpty();
            assertThat(SiteStore.devices(c)).extracting(SiteStore.DeviceView::ward)
                    .containsExactlyInAnyOrder("Phường Phú Hội", "Phường Vĩnh Ninh", "Phường Thuận Thành", "Phường Vĩ Dạ");
        }
        assertThat(db.count("SELECT count(*) FROM incident_event GROUP BY incident_id, version HAVING count(*) > 1 UNION ALL SELECT 0"))
                .isZero();
        try (Connection c = db.connect()) {
            for (int i = 0; i < 2; i++) {
                String report = i == 0 ? "r-before" : "r-after";
                String site = ids[i];
                List<String> linked = IncidentStore.incidentsOfReport(c, report);
                assertThat(linked).as("%s confirms the jam at its site, once", report).hasSize(1);
                Incident incident = IncidentStore.find(c, linked.get(0)).orElseThrow();
                assertThat(incident.site()).isEqualTo(site);
                assertThat(incident.evidence()).extracting(e -> e.source()).contains("loop-1", report);
                assertThat(incident.confidence()).isEqualTo(0.76);
            }
        }
        assertThat(db.count("SELECT count(*) FROM incident_event WHERE action = 'report linked'")).isEqualTo(2);
    }

    private void fileReport(String id, double[] place) throws Exception {
        Report r = new Report(id, "traffic-congestion", place[0] + 0.0005, place[1] + 0.0005, Instant.now(), null, "Kẹt xe", null);
        sites.get(0).publish(Topics.report(id), new ReportCodec().encode(r), 1, false).get(10, TimeUnit.SECONDS);
    }

    private void publish(String[] ids) {
        SenmlCodec codec = new SenmlCodec();
        long seq = 0;
        while (publishing.get()) {
            Instant now = Instant.now();
            for (int i = 0; i < SITES; i++) {
                double speed = slow.get() ? 15 + (seq % 5) : 70 + (seq % 7);
                SensorMessage m = new SensorMessage(ids[i], seq, ids[i], "loop-1", List.of(new Measurement("speed", "km/h", speed, now)));
                acks.add(sites.get(i).publish(Topics.sensorObservations(ids[i], "loop-1"), codec.encode(m), 1, false));
                published.incrementAndGet();
            }
            seq++;
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void awaitRunning() {
        await().atMost(Duration.ofSeconds(60)).until(() -> job.getJobStatus().get().toString().equals("RUNNING"));
    }

    private void awaitCompletedCheckpoints(int n) {
        await().atMost(Duration.ofSeconds(60)).until(() -> Checkpoints.latest(checkpoints)
                .map(p -> Long.parseLong(p.getFileName().toString().substring(4)) >= n).orElse(false));
    }
}
