package vn.ioc.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.testing.TestDatabase;

/** Reading a device's series back, and the reports joined to an incident, on a real migrated PostgreSQL. */
class ObservationStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-02T00:00:00Z");

    private TestDatabase db;
    private long seq;

    @BeforeEach
    void setUp() {
        db = TestDatabase.freshSchema();
    }

    @AfterEach
    void tearDown() {
        db.drop();
    }

    private void reading(String device, String metric, Instant at, double value, String unit) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO observation (time, site, device, metric, unit, value, agent_id, seq, idx) VALUES (?, 's1', ?, ?, ?, ?, 'a', ?, 0)")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, device);
            ps.setString(3, metric);
            ps.setString(4, unit);
            ps.setDouble(5, value);
            ps.setLong(6, seq++);
            ps.executeUpdate();
        }
    }

    @Test
    void seriesAveragesEachBucketAlignedToTheEpochAndKeepsToTheWindowDeviceAndMetric() throws Exception {
        reading("loop-1", "speed", T0.plusSeconds(10), 40, "km/h");
        reading("loop-1", "speed", T0.plusSeconds(50), 20, "km/h");   // same minute
        reading("loop-1", "speed", T0.plusSeconds(130), 60, "km/h");  // third minute
        reading("loop-1", "speed", T0.minusSeconds(1), 999, "km/h");  // before the window
        reading("loop-1", "speed", T0.plusSeconds(600), 999, "km/h"); // at its end: excluded
        reading("loop-1", "occupancy", T0.plusSeconds(20), 0.5, null); // another metric
        reading("loop-2", "speed", T0.plusSeconds(20), 5, "km/h");     // another device

        try (Connection c = db.connect()) {
            ObservationStore.Series s = ObservationStore.series(c, "s1", "loop-1", "speed", T0, T0.plusSeconds(600), Duration.ofMinutes(1));
            assertThat(s.unit()).isEqualTo("km/h");
            assertThat(s.bucket()).isEqualTo(Duration.ofMinutes(1));
            assertThat(s.points()).containsExactly(
                    new ObservationStore.Point(T0, 30.0, 2),
                    new ObservationStore.Point(T0.plusSeconds(120), 60.0, 1));
        }
    }

    @Test
    void aDeviceWithoutReadingsHasAnEmptySeries() throws Exception {
        try (Connection c = db.connect()) {
            ObservationStore.Series s = ObservationStore.series(c, "s1", "quiet", "speed", T0, T0.plusSeconds(3600), Duration.ofSeconds(10));
            assertThat(s.points()).isEmpty();
            assertThat(s.unit()).isNull();
        }
    }

    @Test
    void reportsOfAnIncidentAreThoseJoinedToItInTheOrderTheyWereLinked() throws Exception {
        try (Connection c = db.connect()) {
            IncidentStore.applyFromJob(c, new Incident("i1", Incident.Type.FLOODING, Incident.Severity.HIGH, Incident.Status.OPEN, "s1", null,
                    null, 16.46, 107.59, "w", T0, T0, null, null, "x", 1, 0.5, List.of()), "opened", null);
            IncidentStore.applyFromJob(c, new Incident("i2", Incident.Type.FLOODING, Incident.Severity.HIGH, Incident.Status.OPEN, "s1", null,
                    null, 16.46, 107.59, "w", T0, T0, null, null, "x", 1, 0.5, List.of()), "opened", null);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO incident_report (incident_id, report_id, linked_at) VALUES (?, ?, ?)")) {
                Object[][] links = {{"i1", "R2", T0.plusSeconds(20)}, {"i1", "R1", T0.plusSeconds(10)}, {"i2", "R3", T0}};
                for (Object[] l : links) {
                    ps.setString(1, (String) l[0]);
                    ps.setString(2, (String) l[1]);
                    ps.setTimestamp(3, Timestamp.from((Instant) l[2]));
                    ps.executeUpdate();
                }
            }
            assertThat(IncidentStore.reportsOfIncident(c, "i1")).containsExactly("R1", "R2");
            assertThat(IncidentStore.reportsOfIncident(c, "none")).isEmpty();
        }
    }
}
