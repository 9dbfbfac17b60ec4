package vn.ioc.console.alert;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.ioc.console.incident.IncidentRepository;

/** Public alerts, each joined with its incident's current state. */
@Repository
public class AlertRepository {

    /** An alert that ended stays in the feeds this long, as cancelled. */
    static final Duration ENDED_SHOWN = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final IncidentRepository incidents;
    private final Clock clock;

    public AlertRepository(JdbcTemplate jdbc, IncidentRepository incidents, Clock clock) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** Publishes (or rewords) the alert of an incident; a withdrawn alert published again is in force again. */
    public void publish(String incidentId, String headline, String description, String operator) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO public_alert (incident_id, headline, description, published_at, published_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (incident_id) DO UPDATE SET headline = EXCLUDED.headline, description = EXCLUDED.description,
                    updated_at = EXCLUDED.updated_at, withdrawn_at = NULL""",
                incidentId, headline, description, now, operator, now);
    }

    /** Withdraws an alert; returns false when the incident has none in force. */
    public boolean withdraw(String incidentId) {
        return jdbc.update("UPDATE public_alert SET withdrawn_at = ? WHERE incident_id = ? AND withdrawn_at IS NULL",
                Timestamp.from(clock.instant()), incidentId) > 0;
    }

    public Optional<PublicAlert> find(String incidentId) {
        return withIncidents(jdbc.query(SELECT + "FROM public_alert WHERE incident_id = ?", (rs, n) -> row(rs), incidentId))
                .stream().findFirst();
    }

    /** The alerts in force, and those that ended in the last day, latest change first. */
    public List<PublicAlert> current() {
        Instant since = clock.instant().minus(ENDED_SHOWN);
        return withIncidents(jdbc.query(SELECT + "FROM public_alert ORDER BY updated_at DESC LIMIT 500", (rs, n) -> row(rs)))
                .stream()
                .filter(a -> a.inForce() || a.endedAt().isAfter(since))
                .sorted((a, b) -> b.lastChange().compareTo(a.lastChange()))
                .toList();
    }

    private static final String SELECT = "SELECT incident_id, headline, description, published_at, published_by, updated_at, withdrawn_at ";

    /** An alert row before its incident is read: the incidents of a whole page are read in one query. */
    private record Row(String incidentId, String headline, String description, Instant publishedAt, String publishedBy,
                       Instant updatedAt, Instant withdrawnAt) {
    }

    private List<PublicAlert> withIncidents(List<Row> rows) {
        var byId = incidents.findAll(rows.stream().map(Row::incidentId).toList());
        return rows.stream().filter(r -> byId.containsKey(r.incidentId()))
                .map(r -> new PublicAlert(byId.get(r.incidentId()), r.headline(), r.description(), r.publishedAt(), r.publishedBy(),
                        r.updatedAt(), r.withdrawnAt()))
                .toList();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new Row(rs.getString("incident_id"), rs.getString("headline"), rs.getString("description"),
                rs.getTimestamp("published_at").toInstant(), rs.getString("published_by"), rs.getTimestamp("updated_at").toInstant(),
                withdrawn == null ? null : withdrawn.toInstant());
    }
}
