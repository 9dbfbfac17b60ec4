package vn.ioc.console.open311;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.ioc.console.system.Secrets;

/**
 * Citizens' apps registered for Open311 (table {@code open311_app}). The api_key is 256 random
 * bits shown once at registration; only its SHA-256 is stored, and a post's key is looked up by it.
 */
@Repository
public class RegisteredApps {

    public static final String PREFIX = "o311_";

    public record App(long id, String name, Instant createdAt, String createdBy, Instant revokedAt) {
    }

    /** A new app and its api_key, to be shown once. */
    public record Registered(App app, String apiKey) {
    }

    private static final String COLUMNS = "id, name, created_at, created_by, revoked_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RegisteredApps(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Registered register(String name, String by) {
        String key = Secrets.random(PREFIX, 32);
        Long id = jdbc.queryForObject("INSERT INTO open311_app (name, key_hash, created_at, created_by) VALUES (?, ?, ?, ?) RETURNING id",
                Long.class, name, Secrets.sha256(key), Timestamp.from(clock.instant()), by);
        return new Registered(find(id).orElseThrow(), key);
    }

    public List<App> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM open311_app ORDER BY created_at DESC, id DESC", (rs, i) -> app(rs));
    }

    public Optional<App> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM open311_app WHERE id = ?", (rs, i) -> app(rs), id).stream().findFirst();
    }

    /** The app of this api_key, revoked or not; empty for a key nobody registered. */
    public Optional<App> byKey(String apiKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM open311_app WHERE key_hash = ?", (rs, i) -> app(rs), Secrets.sha256(apiKey))
                .stream().findFirst();
    }

    /** False when it was revoked already. */
    public boolean revoke(long id) {
        return jdbc.update("UPDATE open311_app SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", Timestamp.from(clock.instant()), id) == 1;
    }

    private static App app(ResultSet rs) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new App(rs.getLong("id"), rs.getString("name"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                revoked == null ? null : revoked.toInstant());
    }
}
