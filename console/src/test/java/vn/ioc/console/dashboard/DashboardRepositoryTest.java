package vn.ioc.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.ioc.console.report.Catalog;
import vn.ioc.console.report.ReportRepository;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.store.IncidentStore;
import vn.ioc.ingest.testing.TestDatabase;

/** The dashboard's figures over a fresh database with incidents and reports at known times. */
class DashboardRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

    private TestDatabase db;
    private JdbcTemplate jdbc;
    private DashboardRepository dashboard;

    @BeforeEach
    void setUp() {
        db = TestDatabase.freshSchema();
        jdbc = new JdbcTemplate(db.dataSource());
        dashboard = new DashboardRepository(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        new ReportRepository(jdbc).seed(Catalog.hue());
    }

    @AfterEach
    void tearDown() {
        db.drop();
    }

    private void incident(String id, Incident.Type type, String ward, Instant opened, Incident.Status status) throws Exception {
        try (Connection c = db.connect()) {
            IncidentStore.applyFromJob(c, new Incident(id, type, Incident.Severity.MEDIUM, status, "s", "d", "m", 16.46, 107.59, ward,
                    opened, opened, status.isActive() ? null : opened, 1.0, "x", 1, 0.6, List.of()), "opened", null);
        }
    }

    private void decide(String id, IncidentStore.Decision d, Instant at) throws Exception {
        try (Connection c = db.connect()) {
            IncidentStore.applyFromOperator(c, id, d, "op", d == IncidentStore.Decision.ASSIGN ? "traffic-police" : null, "note", at);
        }
    }

    private void report(String id, String status, Instant requested, Instant deadline, Instant closed, String duplicateOf) {
        jdbc.update("""
                INSERT INTO report (id, category, lat, lon, ward, agency, description, status, deadline, duplicate_of, requested_at, updated_at)
                VALUES (?, 'traffic-congestion', 16.46, 107.59, 'Phường Phú Hội', 'traffic-police', 'x', ?, ?, ?, ?, ?)""",
                id, status, Timestamp.from(deadline), duplicateOf, Timestamp.from(requested), Timestamp.from(closed != null ? closed : requested));
        if (closed != null) {
            jdbc.update("INSERT INTO report_event (report_id, at, actor, action, detail) VALUES (?, ?, 'staff', 'closed', 'done')",
                    id, Timestamp.from(closed));
        }
    }

    @Test
    void openIncidentsAreCountedByTypeAndWard() throws Exception {
        incident("a", Incident.Type.FLOODING, "Phường Phú Hội", NOW.minusSeconds(600), Incident.Status.OPEN);
        incident("b", Incident.Type.FLOODING, "Phường Vĩ Dạ", NOW.minusSeconds(600), Incident.Status.OPEN);
        incident("c", Incident.Type.CONGESTION, "Phường Phú Hội", NOW.minusSeconds(600), Incident.Status.OPEN);
        incident("d", Incident.Type.CONGESTION, "Phường Phú Hội", NOW.minusSeconds(600), Incident.Status.CLEARED);
        decide("c", IncidentStore.Decision.ACKNOWLEDGE, NOW.minusSeconds(300)); // still open: acknowledged

        Dashboard d = dashboard.now();
        assertThat(d.openByType()).containsExactly(new Dashboard.Count("FLOODING", 2), new Dashboard.Count("CONGESTION", 1));
        assertThat(d.openByWard()).containsExactly(new Dashboard.Count("Phường Phú Hội", 2), new Dashboard.Count("Phường Vĩ Dạ", 1));
    }

    @Test
    void meanTimesRunFromOpeningToTheOperatorsFirstDecision() throws Exception {
        Instant opened = NOW.minus(Duration.ofHours(5));
        incident("a", Incident.Type.FLOODING, "w", opened, Incident.Status.OPEN);
        incident("b", Incident.Type.FLOODING, "w", opened, Incident.Status.OPEN);
        incident("old", Incident.Type.FLOODING, "w", NOW.minus(Duration.ofDays(40)), Incident.Status.OPEN);
        decide("a", IncidentStore.Decision.ACKNOWLEDGE, opened.plus(Duration.ofMinutes(4)));
        decide("b", IncidentStore.Decision.ASSIGN, opened.plus(Duration.ofMinutes(10)));  // assigning takes it up too
        decide("a", IncidentStore.Decision.RESOLVE, opened.plus(Duration.ofMinutes(90)));
        decide("old", IncidentStore.Decision.ACKNOWLEDGE, NOW);                              // opened before the period

        Dashboard d = dashboard.now();
        assertThat(d.timeToAcknowledge()).isEqualTo(new Dashboard.Mean(7.0, 2));
        assertThat(d.timeToResolve()).isEqualTo(new Dashboard.Mean(90.0, 1));
    }

    @Test
    void reportsAreOnTimeLateOrPendingAndAnOverdueOpenOneIsLate() {
        Instant filed = NOW.minus(Duration.ofDays(3));
        report("on-time", "closed", filed, filed.plus(Duration.ofHours(4)), filed.plus(Duration.ofHours(2)), null);
        report("late", "closed", filed, filed.plus(Duration.ofHours(4)), filed.plus(Duration.ofHours(6)), null);
        report("overdue", "open", filed, NOW.minusSeconds(60), null, null);
        report("pending", "open", NOW.minusSeconds(600), NOW.plus(Duration.ofHours(3)), null, null);
        report("duplicate", "open", NOW.minusSeconds(600), NOW.minusSeconds(1), null, "overdue");     // follows its original
        report("old", "open", NOW.minus(Duration.ofDays(45)), NOW.minus(Duration.ofDays(44)), null, null); // before the period

        assertThat(dashboard.now().reportsByAgency()).containsExactly(
                new Dashboard.AgencyReports("traffic-police", "Phòng Cảnh sát giao thông, Công an tỉnh", 1, 2, 1));
    }
}
