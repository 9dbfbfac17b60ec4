package vn.ioc.console.open311;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostRateLimiterTest {

    private static final Instant START = Instant.parse("2026-11-28T01:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final PostRateLimiter limiter = new PostRateLimiter(new Open311Properties(3, Duration.ofMinutes(1)), clock);

    @Test
    void postsBeyondTheLimitAreRefusedUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryPost("a")).isEmpty();
        }
        clock.now = START.plusSeconds(20);
        assertThat(limiter.tryPost("a")).isEqualTo(OptionalLong.of(40));
        clock.now = START.plusSeconds(60);
        assertThat(limiter.tryPost("a")).isEmpty();
    }

    @Test
    void clientsAreCountedApart() {
        for (int i = 0; i < 3; i++) {
            limiter.tryPost("a");
        }
        assertThat(limiter.tryPost("a")).isPresent();
        assertThat(limiter.tryPost("b")).isEmpty();
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        for (int i = 0; i < 3; i++) {
            limiter.tryPost("a");
        }
        clock.now = START.plusMillis(59_900);
        assertThat(limiter.tryPost("a")).isEqualTo(OptionalLong.of(1));
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
