package vn.ioc.console.incident;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.ioc.console.cluster.ReplicaNotice;
import vn.ioc.console.cluster.ReplicaNotices;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.store.IncidentStore;

/** Reads incidents through the ingest module's store, so the console and the stream job share one schema. */
@Repository
public class IncidentRepository {

    /** Closed incidents stay on the map this long after they opened. */
    static final Duration RECENT = Duration.ofHours(24);
    static final int LIMIT = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ReplicaNotices notices;

    public IncidentRepository(JdbcTemplate jdbc, Clock clock, ReplicaNotices notices) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.notices = notices;
    }

    /** The active incidents and those opened in the last 24 hours, newest first. */
    public List<Incident> activeOrRecent() {
        return jdbc.execute((ConnectionCallback<List<Incident>>) c ->
                IncidentStore.activeOrSince(c, clock.instant().minus(RECENT), LIMIT));
    }

    public Optional<Incident> find(String id) {
        return jdbc.execute((ConnectionCallback<Optional<Incident>>) c -> IncidentStore.find(c, id));
    }

    /** The incidents with these ids, by id, in one query. */
    public java.util.Map<String, Incident> findAll(java.util.Collection<String> ids) {
        return jdbc.execute((ConnectionCallback<List<Incident>>) c -> IncidentStore.findAll(c, ids)).stream()
                .collect(java.util.stream.Collectors.toMap(Incident::id, i -> i));
    }

    public List<IncidentStore.Event> events(String id) {
        return jdbc.execute((ConnectionCallback<List<IncidentStore.Event>>) c -> IncidentStore.events(c, id));
    }

    /** An operator's decision, with its audit event and the other consoles' notice, in one transaction. */
    public IncidentStore.Outcome decide(String id, IncidentStore.Decision decision, String actor, String agency, String note) {
        return jdbc.execute((ConnectionCallback<IncidentStore.Outcome>) c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                IncidentStore.Outcome outcome = IncidentStore.applyFromOperator(c, id, decision, actor, agency, note, clock.instant());
                if (outcome == IncidentStore.Outcome.DONE) {
                    notices.announce(c, ReplicaNotice.Kind.INCIDENT, id);
                }
                c.commit();
                return outcome;
            } catch (java.sql.SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        });
    }

    /** The citizens' reports joined to the incident, in the order they were linked. */
    List<IncidentDetail.LinkedReport> linkedReports(String id) {
        return jdbc.execute((ConnectionCallback<List<IncidentDetail.LinkedReport>>) c -> {
            List<String> codes = IncidentStore.reportsOfIncident(c, id);
            java.util.Map<String, IncidentDetail.LinkedReport> found = new java.util.HashMap<>();
            try (var ps = c.prepareStatement("""
                    SELECT r.id, r.category, k.name_vi, k.name_en, r.status, r.description, r.requested_at
                    FROM report r JOIN report_category k ON k.code = r.category WHERE r.id = ANY (?)""")) {
                ps.setArray(1, c.createArrayOf("text", codes.toArray()));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), new IncidentDetail.LinkedReport(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
                    }
                }
            }
            return codes.stream()
                    .map(code -> found.getOrDefault(code, new IncidentDetail.LinkedReport(code, null, null, null, null, null, null)))
                    .toList();
        });
    }

    public Optional<String> assignedAgency(String id) {
        return jdbc.execute((ConnectionCallback<Optional<String>>) c -> IncidentStore.assignedAgency(c, id));
    }
}
