package vn.ioc.console.open311;

import java.time.Clock;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import vn.ioc.console.system.ClientRateLimit;

/** The Open311 posts each client may make, as configured ({@link ClientRateLimit}). */
@Component
class PostRateLimiter {

    private final ClientRateLimit limit;

    PostRateLimiter(Open311Properties properties, Clock clock) {
        this.limit = new ClientRateLimit(properties.postsPerWindow(), properties.window(), clock);
    }

    /** Counts a post; empty when allowed, else the seconds until the client may post again. */
    OptionalLong tryPost(String client) {
        return limit.tryAcquire(client);
    }
}
