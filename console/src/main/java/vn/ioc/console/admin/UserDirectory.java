package vn.ioc.console.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.ioc.console.security.AppUserRepository.Role;

/** The accounts of {@code app_user} as administrators manage them. */
@Repository
public class UserDirectory {

    /** An account as listed: never its password hash. */
    public record Account(String username, Role role, boolean enabled, String agency, String ward, Instant lockedUntil,
                          Instant createdAt) {
    }

    private static final String COLUMNS = "username, role, enabled, agency, ward, locked_until, created_at";

    private final JdbcTemplate jdbc;

    public UserDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Account> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM app_user ORDER BY username", (rs, i) -> account(rs));
    }

    public Optional<Account> find(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM app_user WHERE username = ?", (rs, i) -> account(rs), username).stream().findFirst();
    }

    /** Creates the account; false when the name is taken. */
    public boolean create(String username, String passwordHash, Role role, String agency, String ward) {
        return jdbc.update("""
                        INSERT INTO app_user (username, password_hash, role, agency, ward) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (username) DO NOTHING""", username, passwordHash, role.name(), agency, ward) == 1;
    }

    public void update(String username, Role role, String agency, String ward) {
        jdbc.update("UPDATE app_user SET role = ?, agency = ?, ward = ? WHERE username = ?", role.name(), agency, ward, username);
    }

    public void enable(String username, boolean enabled) {
        jdbc.update("UPDATE app_user SET enabled = ? WHERE username = ?", enabled, username);
    }

    /** A new password also ends a lock-out. */
    public void password(String username, String passwordHash) {
        jdbc.update("UPDATE app_user SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE username = ?", passwordHash, username);
    }

    public void unlock(String username) {
        jdbc.update("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = ?", username);
    }

    private static Account account(ResultSet rs) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Account(rs.getString("username"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), rs.getString("agency"),
                rs.getString("ward"), locked == null ? null : locked.toInstant(), rs.getTimestamp("created_at").toInstant());
    }
}
