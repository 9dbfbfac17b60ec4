package vn.ioc.console.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import vn.ioc.console.security.AppUserRepository.Role;

/**
 * There is no built-in password. At startup, {@code ioc.admin.password} (IOC_ADMIN_PASSWORD), when
 * set, becomes the password of user {@code admin}; otherwise, while no administrator exists, one
 * is created with a random password that is logged once and never again.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final AdminProperties properties;

    AdminBootstrap(AppUserRepository users, PasswordEncoder encoder, AdminProperties properties) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.isSet()) {
            useConfiguredPassword(properties.password());
        } else if (!users.anyWithRole(Role.ADMIN)) {
            createWithGeneratedPassword();
        }
    }

    private void useConfiguredPassword(String password) {
        boolean current = users.find(ADMIN)
                .filter(u -> u.role() == Role.ADMIN && u.enabled() && encoder.matches(password, u.passwordHash()))
                .isPresent();
        if (!current) {
            users.save(ADMIN, encoder.encode(password), Role.ADMIN);
            log.info("User '{}' (ADMIN) now has the password given in ioc.admin.password (IOC_ADMIN_PASSWORD)", ADMIN);
        }
    }

    private void createWithGeneratedPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        if (users.createIfAbsent(ADMIN, encoder.encode(password), Role.ADMIN)) {
            log.warn("*** IOC console: created user '{}' (ADMIN) with the generated password: {} (shown only this once; "
                    + "set IOC_ADMIN_PASSWORD to choose one) ***", ADMIN, password);
        } else if (users.anyWithRole(Role.ADMIN)) {
            log.info("User '{}' (ADMIN) was created by another console starting at the same time, which logged its password", ADMIN);
        } else {
            log.warn("No administrator exists, but user '{}' does; set IOC_ADMIN_PASSWORD to make it an administrator", ADMIN);
        }
    }
}
