package vn.ioc.console.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who changed what and when (table {@code audit_log}): every administrator's change, and tokens made or revoked. */
@Repository
public class AuditLog {

    /** One change; {@code target} names what was changed (a username, an agency code, "site/device"). */
    public record Entry(long id, Instant at, String actor, String action, String target, String detail) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, String detail) {
        jdbc.update("INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), actor, action, target, detail);
    }

    /** The latest changes, newest first. */
    public List<Entry> recent(int limit) {
        return jdbc.query("SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT ?",
                (rs, i) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"),
                        rs.getString("target"), rs.getString("detail")), limit);
    }
}
