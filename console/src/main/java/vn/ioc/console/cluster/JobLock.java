package vn.ioc.console.cluster;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a background job on one console at a time: the console holding PostgreSQL's advisory lock
 * of the job (named per schema, so that two installations in one database do not exclude each
 * other) runs it; another console arriving meanwhile skips this round. The lock is the session's
 * and is given up when the job ends, or with the connection if the console dies.
 */
@Component
public class JobLock {

    /** The first key of our advisory locks, to keep them apart from other programs' (Flyway's is one bigint). */
    static final int KEY_SPACE = 0x10C;

    private final JdbcTemplate jdbc;

    public JobLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The job's result, or empty when another console is running it now. */
    public <T> Optional<T> callAlone(String job, Supplier<T> work) {
        return jdbc.execute((ConnectionCallback<Optional<T>>) c -> {
            if (!lock(c, "SELECT pg_try_advisory_lock(?, hashtext(current_schema() || '/' || ?))", job)) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(work.get());
            } finally {
                lock(c, "SELECT pg_advisory_unlock(?, hashtext(current_schema() || '/' || ?))", job);
            }
        });
    }

    private static boolean lock(java.sql.Connection c, String sql, String job) throws java.sql.SQLException {
        try (var ps = c.prepareStatement(sql)) {
            ps.setInt(1, KEY_SPACE);
            ps.setString(2, job);
            try (var rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
