package vn.ioc.console.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Logs users in from {@code app_user}; the role becomes the authority {@code ROLE_<role>}. An
 * account locked after failed logins ({@link LoginAttempts}) is refused until the lock ends, even
 * with the right password.
 */
class AppUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;
    private final java.time.Clock clock;

    AppUserDetailsService(AppUserRepository users, java.time.Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.find(username)
                .map(u -> User.withUsername(u.username())
                        .password(u.passwordHash())
                        .roles(u.role().name())
                        .disabled(!u.enabled())
                        .accountLocked(users.lockedUntil(u.username()).filter(t -> t.isAfter(clock.instant())).isPresent())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }
}
