package vn.ioc.console.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Announces this console's changes to the other console replicas. Call it inside the transaction
 * that makes the change: PostgreSQL delivers a {@code NOTIFY} only when that transaction commits,
 * so a change rolled back is never announced. Each console process has its own {@link #origin()},
 * which lets it skip its own notices (it pushed those to its browsers already).
 */
@Component
public class ReplicaNotices {

    private final String origin = UUID.randomUUID().toString().substring(0, 8);
    private final JdbcTemplate jdbc;

    public ReplicaNotices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String origin() {
        return origin;
    }

    /** Whether the notice came from this console. */
    public boolean isOwn(ReplicaNotice notice) {
        return origin.equals(notice.origin());
    }

    /** On the connection of the Spring transaction in progress (a {@code TransactionTemplate}'s). */
    public void announce(ReplicaNotice.Kind kind, String id) {
        jdbc.queryForObject("SELECT pg_notify(?, ?)::text", String.class, ReplicaNotice.CHANNEL, notice(kind, id).payload());
    }

    /** On a connection whose transaction the caller commits. */
    public void announce(Connection c, ReplicaNotice.Kind kind, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, ReplicaNotice.CHANNEL);
            ps.setString(2, notice(kind, id).payload());
            ps.execute();
        }
    }

    private ReplicaNotice notice(ReplicaNotice.Kind kind, String id) {
        return new ReplicaNotice(origin, kind, id);
    }
}
