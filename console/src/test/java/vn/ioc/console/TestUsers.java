package vn.ioc.console;

import org.springframework.security.crypto.password.PasswordEncoder;

import vn.ioc.console.security.AppUserRepository;
import vn.ioc.console.security.AppUserRepository.Role;
import vn.ioc.console.security.AppUserRepository.StaffPost;

/** Real accounts in {@code app_user}, hashed by the console's own encoder. */
public final class TestUsers {

    public static final String PASSWORD = "correct horse battery staple";

    private TestUsers() {
    }

    /** Creates (or resets) a user named after its role, e.g. "operator", with {@link #PASSWORD}. */
    public static String create(AppUserRepository users, PasswordEncoder encoder, Role role) {
        String name = role.name().toLowerCase();
        users.save(name, encoder.encode(PASSWORD), role);
        return name;
    }

    /**
     * Creates (or resets) an AGENCY user of the agency, and of the ward for the ward People's
     * Committees (ward may be null), with {@link #PASSWORD}; a null agency makes staff of no agency.
     */
    public static String agencyStaff(AppUserRepository users, PasswordEncoder encoder, String username, String agency, String ward) {
        users.save(username, encoder.encode(PASSWORD), Role.AGENCY);
        users.assign(username, agency == null ? StaffPost.NONE : new StaffPost(agency, ward));
        return username;
    }
}
