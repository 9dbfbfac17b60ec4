package vn.ioc.console.security;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The console's accounts, table {@code app_user} of the ingest migrations. */
@Repository
public class AppUserRepository {

    public enum Role { OPERATOR, SUPERVISOR, AGENCY, ADMIN }

    public record AppUser(String username, String passwordHash, Role role, boolean enabled) {
    }

    /**
     * Where a member of staff works: an agency code, and for the ward People's Committees
     * (agency {@code ward}) the ward. Both null for users who belong to no agency.
     */
    public record StaffPost(String agency, String ward) {

        public static final StaffPost NONE = new StaffPost(null, null);
    }

    private final JdbcClient jdbc;

    public AppUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AppUser> find(String username) {
        return jdbc.sql("SELECT username, password_hash, role, enabled FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> new AppUser(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getBoolean(4)))
                .optional();
    }

    /** The user's agency and ward; {@link StaffPost#NONE} for an unknown user or one without an agency. */
    public StaffPost post(String username) {
        return jdbc.sql("SELECT agency, ward FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> new StaffPost(rs.getString(1), rs.getString(2)))
                .optional()
                .orElse(StaffPost.NONE);
    }

    /** Puts the user on the staff of an agency (and ward), or on none with {@link StaffPost#NONE}. */
    public void assign(String username, StaffPost post) {
        jdbc.sql("UPDATE app_user SET agency = ?, ward = ? WHERE username = ?")
                .params(post.agency(), post.ward(), username)
                .update();
    }

    public boolean anyWithRole(Role role) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user WHERE role = ? AND enabled)")
                .param(role.name())
                .query(Boolean.class)
                .single();
    }

    /** Creates the user unless the name is taken; returns whether it did (several consoles may start at once). */
    public boolean createIfAbsent(String username, String passwordHash, Role role) {
        return jdbc.sql("INSERT INTO app_user (username, password_hash, role) VALUES (?, ?, ?) ON CONFLICT (username) DO NOTHING")
                .params(username, passwordHash, role.name())
                .update() == 1;
    }

    /** Creates the user or gives it this password and role, enabled. */
    public void save(String username, String passwordHash, Role role) {
        jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, role) VALUES (?, ?, ?)
                        ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, enabled = true""")
                .params(username, passwordHash, role.name())
                .update();
    }

    /** Until when the user is locked out after failed logins; empty when not locked or unknown. */
    public Optional<java.time.Instant> lockedUntil(String username) {
        return jdbc.sql("SELECT locked_until FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
                .optional()
                .flatMap(t -> t);
    }

    /**
     * Counts a failed login; the {@code max}-th in a row locks the account until {@code lockUntil}
     * and starts the count again. One statement, so concurrent attempts cannot slip past the count.
     */
    public void recordFailedLogin(String username, int max, java.time.Instant lockUntil) {
        jdbc.sql("""
                        UPDATE app_user SET
                            locked_until  = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END,
                            failed_logins = CASE WHEN failed_logins + 1 >= ? THEN 0 ELSE failed_logins + 1 END
                        WHERE username = ?""")
                .params(max, java.sql.Timestamp.from(lockUntil), max, username)
                .update();
    }

    /** A successful login clears the count of failures. */
    public void recordLogin(String username) {
        jdbc.sql("UPDATE app_user SET failed_logins = 0 WHERE username = ? AND failed_logins <> 0").param(username).update();
    }
}
