package vn.ioc.console.followup;

import java.time.Clock;

import org.springframework.stereotype.Component;

import vn.ioc.console.system.ClientRateLimit;
import vn.ioc.console.system.TooManyRequestsException;

/** The ratings and reopenings each client address may post, as configured ({@link ClientRateLimit}). */
@Component
class PublicReportRateLimiter {

    private final ClientRateLimit limit;

    PublicReportRateLimiter(PublicReportProperties properties, Clock clock) {
        this.limit = new ClientRateLimit(properties.postsPerWindow(), properties.window(), clock);
    }

    /** Counts a post from the address; 429 when it is over the limit. */
    void count(String address) {
        limit.tryAcquire(address).ifPresent(seconds -> {
            throw new TooManyRequestsException(seconds);
        });
    }
}
