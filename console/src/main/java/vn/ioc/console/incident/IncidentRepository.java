package vn.ioc.console.incident;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

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

    public IncidentRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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

    /** An operator's decision, with its audit event, in one transaction. */
    public IncidentStore.Outcome decide(String id, IncidentStore.Decision decision, String actor, String agency, String note) {
        return jdbc.execute((ConnectionCallback<IncidentStore.Outcome>) c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                IncidentStore.Outcome outcome = IncidentStore.applyFromOperator(c, id, decision, actor, agency, note, clock.instant());
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

    public Optional<String> assignedAgency(String id) {
        return jdbc.execute((ConnectionCallback<Optional<String>>) c -> IncidentStore.assignedAgency(c, id));
    }
}
