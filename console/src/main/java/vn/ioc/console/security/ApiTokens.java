package vn.ioc.console.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.ioc.console.system.BadRequestException;
import vn.ioc.console.system.Secrets;

/**
 * Personal API tokens for scripts (table {@code api_token}): 256 random bits, shown once, stored
 * as their SHA-256. A request with {@code Authorization: Bearer <token>} acts as the token's user
 * with that user's role ({@link BearerTokenFilter}).
 */
@Repository
public class ApiTokens {

    public static final String PREFIX = "ioc_";
    public static final int MAX_NAME = 100;

    /** A token as listed: never the secret, which only its creator saw once. */
    public record Token(long id, String username, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                        Instant revokedAt) {

        public String state(Instant now) {
            return revokedAt != null ? "revoked" : expiresAt != null && !expiresAt.isAfter(now) ? "expired" : "active";
        }
    }

    /** A new token and its secret, to be shown once. */
    public record Created(Token token, String secret) {
    }

    /** Whose token it is, or why it does not log anyone in. */
    public record Check(String username, String refusal) {

        public boolean valid() {
            return refusal == null;
        }
    }

    private static final String COLUMNS = "id, username, name, created_at, expires_at, last_used_at, revoked_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ApiTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param expiresAt null for a token that does not expire; else a time in the future */
    public Created create(String username, String name, Instant expiresAt) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > MAX_NAME) {
            throw new BadRequestException("name is required, at most " + MAX_NAME + " characters, but was "
                    + (label.isEmpty() ? "empty" : label.length() + " characters"));
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new BadRequestException("expiresAt must be in the future but was " + expiresAt);
        }
        String secret = Secrets.random(PREFIX, 32);
        Long id = jdbc.queryForObject("""
                        INSERT INTO api_token (username, name, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?) RETURNING id""",
                Long.class, username, label, Secrets.sha256(secret), Timestamp.from(now), expiresAt == null ? null : Timestamp.from(expiresAt));
        return new Created(find(id).orElseThrow(), secret);
    }

    public List<Token> of(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_token WHERE username = ? ORDER BY created_at DESC, id DESC",
                (rs, i) -> token(rs), username);
    }

    public List<Token> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_token ORDER BY created_at DESC, id DESC", (rs, i) -> token(rs));
    }

    public Optional<Token> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_token WHERE id = ?", (rs, i) -> token(rs), id).stream().findFirst();
    }

    /** Revokes the token; false when it was revoked already. */
    public boolean revoke(long id) {
        return jdbc.update("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", Timestamp.from(clock.instant()), id) == 1;
    }

    /** Checks a presented token and, when it is good, records that it was used now. */
    public Check check(String secret) {
        Instant now = clock.instant();
        Optional<Token> token = secret == null || !secret.startsWith(PREFIX) ? Optional.empty()
                : jdbc.query("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = ?", (rs, i) -> token(rs), Secrets.sha256(secret))
                .stream().findFirst();
        if (token.isEmpty()) {
            return new Check(null, "unknown token");
        }
        Token t = token.get();
        switch (t.state(now)) {
            case "revoked":
                return new Check(t.username(), "token revoked at " + t.revokedAt());
            case "expired":
                return new Check(t.username(), "token expired at " + t.expiresAt());
            default:
                jdbc.update("UPDATE api_token SET last_used_at = ? WHERE id = ?", Timestamp.from(now), t.id());
                return new Check(t.username(), null);
        }
    }

    private static Token token(ResultSet rs) throws SQLException {
        return new Token(rs.getLong("id"), rs.getString("username"), rs.getString("name"), instant(rs, "created_at"),
                instant(rs, "expires_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
