package vn.ioc.console;

import org.springframework.security.crypto.password.PasswordEncoder;

import vn.ioc.console.security.AppUserRepository;
import vn.ioc.console.security.AppUserRepository.Role;

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
}
