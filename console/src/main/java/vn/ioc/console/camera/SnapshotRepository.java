package vn.ioc.console.camera;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The camera pictures kept with incidents ({@code incident_snapshot}): operators only. */
@Repository
public class SnapshotRepository {

    /** Where a kept picture came from: the camera event's own snapshot, or the camera's latest frame. */
    public enum Source { EVENT, FRAME }

    /** A kept picture without its bytes, as the incident's detail lists it. */
    public record Kept(String site, String camera, Instant takenAt, Source source) {
    }

    private final JdbcTemplate jdbc;

    public SnapshotRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the picture unless one is kept already for this incident and camera; true when this one was kept. */
    public boolean keep(String incidentId, String site, String camera, Instant takenAt, Source source, byte[] jpeg, Instant now) {
        return jdbc.update("""
                INSERT INTO incident_snapshot (incident_id, site, camera, taken_at, source, jpeg, kept_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                incidentId, site, camera, Timestamp.from(takenAt), source.name(), jpeg, Timestamp.from(now)) == 1;
    }

    public List<Kept> of(String incidentId) {
        return jdbc.query("SELECT site, camera, taken_at, source FROM incident_snapshot WHERE incident_id = ? ORDER BY taken_at, camera",
                (rs, n) -> new Kept(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), Source.valueOf(rs.getString(4))),
                incidentId);
    }

    /** The picture of the camera, or of the first camera kept when {@code camera} is null. */
    public Optional<byte[]> jpeg(String incidentId, String camera) {
        return jdbc.query("""
                SELECT jpeg FROM incident_snapshot WHERE incident_id = ? AND (CAST(? AS text) IS NULL OR camera = ?)
                ORDER BY taken_at, camera LIMIT 1""",
                (rs, n) -> rs.getBytes(1), incidentId, camera, camera).stream().findFirst();
    }
}
