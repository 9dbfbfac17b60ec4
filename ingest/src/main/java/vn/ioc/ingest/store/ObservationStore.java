package vn.ioc.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading stored observations back: one device's metric over a window, averaged into buckets
 * so that a chart gets a few hundred points whatever the device's rate. The query uses the
 * {@code observation_series} index and works the same on plain PostgreSQL and TimescaleDB.
 */
public final class ObservationStore {

    /** The mean of the readings in [at, at + bucket). */
    public record Point(Instant at, double value, int readings) {
    }

    /** A device's metric over a window; {@code unit} is null when no reading carried one. */
    public record Series(String unit, Duration bucket, List<Point> points) {
    }

    private static final String SERIES = """
            SELECT floor(extract(epoch FROM time) / ?)::bigint AS bucket, avg(value), count(*), max(unit)
            FROM observation
            WHERE site = ? AND device = ? AND metric = ? AND time >= ? AND time < ?
            GROUP BY bucket ORDER BY bucket""";

    private ObservationStore() {
    }

    /** Buckets are whole seconds, aligned to the epoch, at least one second wide. */
    public static Series series(Connection c, String site, String device, String metric, Instant from, Instant to, Duration bucket)
            throws SQLException {
        long seconds = Math.max(1, bucket.toSeconds());
        try (PreparedStatement ps = c.prepareStatement(SERIES)) {
            ps.setLong(1, seconds);
            ps.setString(2, site);
            ps.setString(3, device);
            ps.setString(4, metric);
            ps.setTimestamp(5, Timestamp.from(from));
            ps.setTimestamp(6, Timestamp.from(to));
            List<Point> points = new ArrayList<>();
            String unit = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    points.add(new Point(Instant.ofEpochSecond(rs.getLong(1) * seconds), rs.getDouble(2), rs.getInt(3)));
                    unit = unit != null ? unit : rs.getString(4);
                }
            }
            return new Series(unit, Duration.ofSeconds(seconds), points);
        }
    }
}
