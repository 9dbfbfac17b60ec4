package vn.ioc.console.security;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account for a while after repeated wrong passwords, in the browser and over HTTP
 * Basic alike, so a password cannot be guessed at speed. The count lives in the database, so
 * every console process sees it. Unknown usernames are not counted: there is no row to lock.
 */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final AppUserRepository users;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockFor;

    LoginAttempts(AppUserRepository users, Clock clock,
                  @Value("${ioc.security.max-failed-logins:5}") int maxFailures,
                  @Value("${ioc.security.lock-out:PT15M}") Duration lockFor) {
        this.users = users;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockFor = lockFor;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        users.recordFailedLogin(username, maxFailures, clock.instant().plus(lockFor));
        users.lockedUntil(username).filter(t -> t.isAfter(clock.instant()))
                .ifPresent(t -> log.warn("User '{}' locked out until {} after {} failed logins", username, t, maxFailures));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        users.recordLogin(event.getAuthentication().getName());
    }
}
