package vn.ioc.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.contract.Json;

/**
 * Incidents and their audit trail.
 *
 * <p>The stream job owns what it measures (severity, value, whether the condition still
 * holds); operators own what they decide (acknowledged, resolved). An update from the job
 * therefore never reopens an incident an operator acknowledged or resolved, and an older
 * version never overwrites a newer one, so replays after a restore change nothing.
 */
public final class IncidentStore {

    public static final String JOB = "stream-job";

    private static final String UPSERT = """
            INSERT INTO incident (id, type, severity, status, site, device, metric, lat, lon, ward,
                                  opened_at, updated_at, closed_at, value, summary, version, confidence, evidence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
            ON CONFLICT (id) DO UPDATE SET
                severity   = EXCLUDED.severity,
                status     = CASE
                                 WHEN incident.status = 'RESOLVED' THEN incident.status
                                 WHEN incident.status = 'ACKNOWLEDGED' AND EXCLUDED.status = 'OPEN' THEN incident.status
                                 ELSE EXCLUDED.status
                             END,
                lat        = EXCLUDED.lat,
                lon        = EXCLUDED.lon,
                ward       = EXCLUDED.ward,
                updated_at = EXCLUDED.updated_at,
                closed_at  = CASE WHEN incident.status = 'RESOLVED' THEN incident.closed_at ELSE EXCLUDED.closed_at END,
                value      = EXCLUDED.value,
                summary    = EXCLUDED.summary,
                version    = EXCLUDED.version,
                confidence = EXCLUDED.confidence,
                evidence   = EXCLUDED.evidence
            WHERE incident.version < EXCLUDED.version""";

    private static final String EVENT = """
            INSERT INTO incident_event (incident_id, at, actor, action, version, detail)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (incident_id, version) WHERE version IS NOT NULL DO NOTHING""";

    private static final String LINK = """
            INSERT INTO incident_report (incident_id, report_id, linked_at) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING""";

    private static final String COLUMNS = "id, type, severity, status, site, device, metric, lat, lon, ward, "
            + "opened_at, updated_at, closed_at, value, summary, version, confidence, evidence::text AS evidence";

    private IncidentStore() {
    }

    /** A change the stream job made; returns false when this version (or a newer one) was already stored. */
    public static boolean applyFromJob(Connection c, Incident i, String action, String detail) throws SQLException {
        int changed;
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, i.id());
            ps.setString(2, i.type().name());
            ps.setString(3, i.severity().name());
            ps.setString(4, i.status().name());
            ps.setString(5, i.site());
            ps.setString(6, i.device());
            ps.setString(7, i.metric());
            setDouble(ps, 8, i.lat());
            setDouble(ps, 9, i.lon());
            ps.setString(10, i.ward());
            ps.setTimestamp(11, Timestamp.from(i.openedAt()));
            ps.setTimestamp(12, Timestamp.from(i.updatedAt()));
            ps.setTimestamp(13, i.closedAt() == null ? null : Timestamp.from(i.closedAt()));
            setDouble(ps, 14, i.value());
            ps.setString(15, i.summary());
            ps.setLong(16, i.version());
            setDouble(ps, 17, i.confidence());
            ps.setString(18, Json.MAPPER.writeValueAsString(i.evidence()));
            changed = ps.executeUpdate();
        }
        for (Evidence e : i.evidence()) {
            if (e.kind() == Evidence.Kind.REPORT) {
                try (PreparedStatement ps = c.prepareStatement(LINK)) {
                    ps.setString(1, i.id());
                    ps.setString(2, e.source());
                    ps.setTimestamp(3, Timestamp.from(e.at() != null ? e.at() : i.updatedAt()));
                    ps.executeUpdate();
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(EVENT)) {
            ps.setString(1, i.id());
            ps.setTimestamp(2, Timestamp.from(i.updatedAt()));
            ps.setString(3, JOB);
            ps.setString(4, action);
            ps.setLong(5, i.version());
            ps.setString(6, detail);
            ps.executeUpdate();
        }
        return changed > 0;
    }

    /** What an operator decides about an incident. */
    public enum Decision {
        /** Seen and being handled: OPEN becomes ACKNOWLEDGED. */
        ACKNOWLEDGE,
        /** Handed to an agency; an open incident is acknowledged by it. */
        ASSIGN,
        /** Closed by an operator, with a note; a cleared incident may be resolved too. */
        RESOLVE
    }

    /** The outcome of an operator's decision. */
    public enum Outcome { DONE, NOT_FOUND, NOT_APPLICABLE }

    /**
     * An operator's decision, applied only from the states it makes sense in (each update says so
     * in its WHERE clause, so a concurrent change by the job or another operator cannot be
     * overwritten), with an event in the audit trail naming the operator. Operator changes keep the
     * incident's version: the version counts the job's changes, which never undo an operator's.
     */
    public static Outcome applyFromOperator(Connection c, String id, Decision decision, String actor, String agency, String note,
                                            Instant at) throws SQLException {
        String sql = switch (decision) {
            case ACKNOWLEDGE -> "UPDATE incident SET status = 'ACKNOWLEDGED' WHERE id = ? AND status = 'OPEN'";
            case ASSIGN -> "UPDATE incident SET status = 'ACKNOWLEDGED', assigned_agency = ? WHERE id = ? AND status IN ('OPEN', 'ACKNOWLEDGED')";
            case RESOLVE -> "UPDATE incident SET status = 'RESOLVED', closed_at = COALESCE(closed_at, ?) WHERE id = ? AND status <> 'RESOLVED'";
        };
        int changed;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int k = 1;
            if (decision == Decision.ASSIGN) {
                ps.setString(k++, agency);
            } else if (decision == Decision.RESOLVE) {
                ps.setTimestamp(k++, Timestamp.from(at));
            }
            ps.setString(k, id);
            changed = ps.executeUpdate();
        }
        if (changed == 0) {
            return find(c, id).isPresent() ? Outcome.NOT_APPLICABLE : Outcome.NOT_FOUND;
        }
        String action = switch (decision) {
            case ACKNOWLEDGE -> "acknowledged";
            case ASSIGN -> "assigned";
            case RESOLVE -> "resolved";
        };
        String detail = decision == Decision.ASSIGN ? "to " + agency + (note == null || note.isBlank() ? "" : ": " + note) : note;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO incident_event (incident_id, at, actor, action, version, detail) VALUES (?, ?, ?, ?, NULL, ?)")) {
            ps.setString(1, id);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, actor);
            ps.setString(4, action);
            ps.setString(5, detail);
            ps.executeUpdate();
        }
        return Outcome.DONE;
    }

    /** The agency an operator assigned the incident to, if any. */
    public static Optional<String> assignedAgency(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT assigned_agency FROM incident WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Active incidents and those opened since {@code since}, newest first. */
    public static List<Incident> activeOrSince(Connection c, Instant since, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM incident "
                + "WHERE status IN ('OPEN', 'ACKNOWLEDGED') OR opened_at >= ? ORDER BY opened_at DESC LIMIT ?")) {
            ps.setTimestamp(1, Timestamp.from(since));
            ps.setInt(2, limit);
            return list(ps);
        }
    }

    public static Optional<Incident> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM incident WHERE id = ?")) {
            ps.setString(1, id);
            return list(ps).stream().findFirst();
        }
    }

    /** The incidents with these ids, in one query; unknown ids are left out. */
    public static List<Incident> findAll(Connection c, java.util.Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM incident WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            return list(ps);
        }
    }

    /** One entry of the audit trail. */
    public record Event(Instant at, String actor, String action, Long version, String detail) {
    }

    public static List<Event> events(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT at, actor, action, version, detail FROM incident_event WHERE incident_id = ? ORDER BY at, id")) {
            ps.setString(1, incidentId);
            List<Event> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long v = rs.getLong(4);
                    out.add(new Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                            rs.wasNull() ? null : v, rs.getString(5)));
                }
            }
            return out;
        }
    }

    private static List<Incident> list(PreparedStatement ps) throws SQLException {
        List<Incident> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp closed = rs.getTimestamp("closed_at");
                out.add(new Incident(rs.getString("id"),
                        Incident.Type.valueOf(rs.getString("type")),
                        Incident.Severity.valueOf(rs.getString("severity")),
                        Incident.Status.valueOf(rs.getString("status")),
                        rs.getString("site"), rs.getString("device"), rs.getString("metric"),
                        getDouble(rs, "lat"), getDouble(rs, "lon"), rs.getString("ward"),
                        rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                        closed == null ? null : closed.toInstant(),
                        getDouble(rs, "value"), rs.getString("summary"), rs.getLong("version"),
                        getDouble(rs, "confidence"), evidence(rs.getString("evidence"))));
            }
        }
        return out;
    }

    /** The incidents a citizen report was joined to, newest first. */
    public static List<String> incidentsOfReport(Connection c, String reportId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT incident_id FROM incident_report WHERE report_id = ? ORDER BY linked_at DESC")) {
            ps.setString(1, reportId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /** The citizen reports joined to an incident, in the order they were linked. */
    public static List<String> reportsOfIncident(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT report_id FROM incident_report WHERE incident_id = ? ORDER BY linked_at, report_id")) {
            ps.setString(1, incidentId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private static List<Evidence> evidence(String json) {
        return json == null ? List.of() : List.of(Json.MAPPER.readValue(json, Evidence[].class));
    }

    static void setDouble(PreparedStatement ps, int i, Double d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, d);
        }
    }

    static Double getDouble(ResultSet rs, String column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }
}
