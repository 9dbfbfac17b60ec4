package vn.ioc.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.contract.Observation;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.testing.TestDatabase;

/** The store against a real PostgreSQL (embedded, or {@code IOC_TEST_PG_URL}). */
class StoreIT {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static TestDatabase db;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.freshSchema();
    }

    @AfterAll
    static void drop() {
        db.drop();
    }

    private static List<Observation> batch(String agent, long fromSeq, int messages, int perMessage) {
        List<Observation> out = new ArrayList<>();
        for (long s = fromSeq; s < fromSeq + messages; s++) {
            for (int i = 0; i < perMessage; i++) {
                out.add(new Observation(agent, s, i, "site-" + agent, "loop-1", i == 0 ? "speed" : "occupancy",
                        i == 0 ? "km/h" : "%", s + i / 10.0, T0.plusSeconds(s)));
            }
        }
        return out;
    }

    @Test
    void migrationsCreateTheSchemaAndAreRecordedOnce() {
        assertThat(db.count("SELECT count(*) FROM flyway_schema_history WHERE success")).isGreaterThanOrEqualTo(3);
        Database.migrate(db.dataSource()); // a second process starting up
        assertThat(db.count("SELECT count(*) FROM flyway_schema_history WHERE NOT success")).isZero();
    }

    @Test
    void redeliveredMessageIsStoredOnce() throws Exception {
        try (Connection c = db.connect()) {
            assertThat(ObservationWriter.write(c, batch("a1", 0, 100, 2))).isEqualTo(200);
            // the broker redelivers messages 50..149 after an outage: only 100..149 are new
            assertThat(ObservationWriter.write(c, batch("a1", 50, 100, 2))).isEqualTo(100);
        }
        assertThat(db.count("SELECT count(*) FROM observation WHERE agent_id = 'a1'")).isEqualTo(300);
        assertThat(db.count("SELECT count(DISTINCT (seq, idx)) FROM observation WHERE agent_id = 'a1'")).isEqualTo(300);
    }

    @Test
    void sameSequenceNumberFromAnotherAgentIsADifferentReading() throws Exception {
        try (Connection c = db.connect()) {
            ObservationWriter.write(c, batch("b1", 0, 10, 1));
            assertThat(ObservationWriter.write(c, batch("b2", 0, 10, 1))).isEqualTo(10);
        }
    }

    @Test
    void failedBatchLeavesNothingHalfWritten() throws Exception {
        List<Observation> bad = new ArrayList<>(batch("c1", 0, 5, 1));
        bad.add(new Observation("c1", 99, 0, "site-c1", "loop-1", "speed", "km/h", 1, null)); // no time: NOT NULL
        try (Connection c = db.connect()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ObservationWriter.write(c, bad)).isInstanceOf(Exception.class);
            assertThat(db.count("SELECT count(*) FROM observation WHERE agent_id = 'c1'")).isZero();
            assertThat(ObservationWriter.write(c, batch("c1", 0, 5, 1))).isEqualTo(5); // the connection is still usable
        }
    }

    private static Incident incident(String id, Incident.Status status, Incident.Severity severity, long version, Instant at) {
        return new Incident(id, Incident.Type.CONGESTION, severity, status, "hue-duc", "loop-1", "speed",
                16.4565, 107.5637, "Phường Đúc", T0, at, status == Incident.Status.CLEARED ? at : null, 20.0, "slow", version,
                0.6, List.of(new Evidence(Evidence.Kind.SENSOR, "loop-1", "speed", 20.0, at, null)));
    }

    @Test
    void incidentUpdatesApplyInVersionOrderAndReplaysChangeNothing() throws Exception {
        try (Connection c = db.connect()) {
            assertThat(IncidentStore.applyFromJob(c, incident("i1", Incident.Status.OPEN, Incident.Severity.MEDIUM, 1, T0), "opened", null)).isTrue();
            assertThat(IncidentStore.applyFromJob(c, incident("i1", Incident.Status.OPEN, Incident.Severity.HIGH, 2, T0.plusSeconds(60)), "escalated", null)).isTrue();
            // a replay of version 1 after a restore
            assertThat(IncidentStore.applyFromJob(c, incident("i1", Incident.Status.OPEN, Incident.Severity.MEDIUM, 1, T0), "opened", null)).isFalse();
            Incident stored = IncidentStore.find(c, "i1").orElseThrow();
            assertThat(stored.severity()).isEqualTo(Incident.Severity.HIGH);
            assertThat(stored.version()).isEqualTo(2);
            assertThat(IncidentStore.events(c, "i1")).extracting(IncidentStore.Event::action).containsExactly("opened", "escalated");
        }
    }

    @Test
    void evidenceAndConfidenceAreStoredWithTheIncidentAndReportsCanFindTheirIncident() throws Exception {
        try (Connection c = db.connect()) {
            Incident opened = incident("i5", Incident.Status.OPEN, Incident.Severity.MEDIUM, 1, T0);
            IncidentStore.applyFromJob(c, opened, "opened", null);
            List<Evidence> evidence = List.of(opened.evidence().get(0),
                    new Evidence(Evidence.Kind.REPORT, "r-9", null, null, T0.plusSeconds(90), "traffic-congestion"));
            Incident linked = opened.withEvidence(0.76, evidence).withVersion(2);
            IncidentStore.applyFromJob(c, linked, "report linked", "citizen report r-9");
            IncidentStore.applyFromJob(c, linked, "report linked", "citizen report r-9"); // replayed

            Incident stored = IncidentStore.find(c, "i5").orElseThrow();
            assertThat(stored.confidence()).isEqualTo(0.76);
            assertThat(stored.evidence()).isEqualTo(evidence);
            assertThat(IncidentStore.incidentsOfReport(c, "r-9")).containsExactly("i5");
            assertThat(IncidentStore.incidentsOfReport(c, "r-unknown")).isEmpty();
            assertThat(IncidentStore.activeOrSince(c, T0, 10)).filteredOn(i -> i.id().equals("i5"))
                    .singleElement().satisfies(i -> assertThat(i.evidence()).hasSize(2));
            assertThat(IncidentStore.findAll(c, List.of("i5", "i-unknown"))).as("several at once, the unknown left out")
                    .singleElement().satisfies(i -> assertThat(i.evidence()).isEqualTo(evidence));
            assertThat(IncidentStore.findAll(c, List.of())).isEmpty();
        }
    }

    @Test
    void jobUpdateDoesNotReopenAnAcknowledgedIncidentButClearsIt() throws Exception {
        try (Connection c = db.connect()) {
            IncidentStore.applyFromJob(c, incident("i2", Incident.Status.OPEN, Incident.Severity.MEDIUM, 1, T0), "opened", null);
            try (var s = c.createStatement()) {
                s.execute("UPDATE incident SET status = 'ACKNOWLEDGED' WHERE id = 'i2'");
            }
            IncidentStore.applyFromJob(c, incident("i2", Incident.Status.OPEN, Incident.Severity.HIGH, 2, T0.plusSeconds(60)), "escalated", null);
            assertThat(IncidentStore.find(c, "i2").orElseThrow().status()).isEqualTo(Incident.Status.ACKNOWLEDGED);
            IncidentStore.applyFromJob(c, incident("i2", Incident.Status.CLEARED, Incident.Severity.HIGH, 3, T0.plusSeconds(120)), "cleared", null);
            Incident cleared = IncidentStore.find(c, "i2").orElseThrow();
            assertThat(cleared.status()).isEqualTo(Incident.Status.CLEARED);
            assertThat(cleared.closedAt()).isEqualTo(T0.plusSeconds(120));
        }
    }

    @Test
    void activeOrRecentListsOpenIncidentsAndRecentlyClosedOnes() throws Exception {
        try (Connection c = db.connect()) {
            IncidentStore.applyFromJob(c, incident("i3", Incident.Status.OPEN, Incident.Severity.LOW, 1, T0), "opened", null);
            IncidentStore.applyFromJob(c, incident("i4", Incident.Status.CLEARED, Incident.Severity.LOW, 1, T0), "opened", null);
            assertThat(IncidentStore.activeOrSince(c, T0.plusSeconds(3600), 100)).extracting(Incident::id).contains("i3").doesNotContain("i4");
            assertThat(IncidentStore.activeOrSince(c, T0.minusSeconds(1), 100)).extracting(Incident::id).contains("i3", "i4");
        }
    }

    @Test
    void birthRegistersTheSiteWithItsDevicesAndWillMarksItOffline() throws Exception {
        try (Connection c = db.connect()) {
            SiteStore.registerBirth(c, SiteStatus.birth("hue-vida", "hue-vida", T0, "Vĩ Dạ", 16.481, 107.601, List.of(
                    new SiteStatus.Device("loop-1", SiteStatus.Kind.SENSOR, "traffic-loop", false),
                    new SiteStatus.Device("cam-1", SiteStatus.Kind.CAMERA, "traffic-camera", true))), "Phường Vĩ Dạ");
            var devices = SiteStore.devices(c).stream().filter(d -> d.site().equals("hue-vida")).toList();
            assertThat(devices).extracting(SiteStore.DeviceView::id).containsExactly("cam-1", "loop-1");
            assertThat(devices).allSatisfy(d -> {
                assertThat(d.online()).isTrue();
                assertThat(d.lat()).isEqualTo(16.481);
                assertThat(d.ward()).isEqualTo("Phường Vĩ Dạ");
            });
            SiteStore.markStatus(c, "hue-vida", false, "connection lost", T0.plusSeconds(30));
            assertThat(SiteStore.devices(c)).filteredOn(d -> d.site().equals("hue-vida"))
                    .allSatisfy(d -> assertThat(d.online()).isFalse());
            // the agent comes back with one camera less
            SiteStore.registerBirth(c, SiteStatus.birth("hue-vida", "hue-vida", T0.plusSeconds(60), "Vĩ Dạ", 16.481, 107.601, List.of(
                    new SiteStatus.Device("loop-1", SiteStatus.Kind.SENSOR, "traffic-loop", false))), "Phường Vĩ Dạ");
            assertThat(SiteStore.devices(c)).filteredOn(d -> d.site().equals("hue-vida"))
                    .extracting(SiteStore.DeviceView::id).containsExactly("loop-1");
        }
    }

    @Test
    void deadLetterKeepsThePayloadByteForByte() throws Exception {
        byte[] payload = {'[', 0, (byte) 0xff, '}'};
        try (Connection c = db.connect()) {
            DeadLetterWriter.write(c, List.of(new DeadLetter(T0, "ioc/v1/x/sensor/y/obs", "x", "expected JSON", payload)));
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT payload, reason FROM dead_letter")) {
                rs.next();
                assertThat(rs.getBytes(1)).isEqualTo(payload);
                assertThat(rs.getString(2)).isEqualTo("expected JSON");
            }
        }
    }
}
