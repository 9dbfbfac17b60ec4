package vn.ioc.console.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator ({@code ioc.admin.*}; default in application.yml).
 *
 * @param password {@code IOC_ADMIN_PASSWORD}: when set, user {@code admin} gets it at every start;
 *                 when empty, a password is generated only while no administrator exists
 */
@ConfigurationProperties("ioc.admin")
public record AdminProperties(String password) {

    boolean isSet() {
        return password != null && !password.isEmpty();
    }
}
