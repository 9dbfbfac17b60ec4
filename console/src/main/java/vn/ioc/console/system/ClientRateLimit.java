package vn.ioc.console.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed-window counter of requests per client. Each window starts with an empty map, so memory is
 * bounded by the clients of one window; a client may get up to twice the limit across a window
 * boundary, which is enough to stop floods. Counts are per console process.
 */
public final class ClientRateLimit {

    private record Window(Instant start, Map<String, AtomicInteger> counts) {
    }

    private final int limit;
    private final Duration length;
    private final Clock clock;
    private volatile Window window;

    public ClientRateLimit(int limit, Duration length, Clock clock) {
        if (limit < 1 || length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("expected a limit of at least 1 in a positive window but was " + limit + " in " + length);
        }
        this.limit = limit;
        this.length = length;
        this.clock = clock;
        this.window = new Window(clock.instant(), new ConcurrentHashMap<>());
    }

    /** Counts a request; empty when allowed, else the seconds until the client may try again. */
    public OptionalLong tryAcquire(String client) {
        Instant now = clock.instant();
        Window w = current(now);
        if (w.counts().computeIfAbsent(client, k -> new AtomicInteger()).incrementAndGet() <= limit) {
            return OptionalLong.empty();
        }
        long millis = Duration.between(now, w.start().plus(length)).toMillis();
        return OptionalLong.of(Math.max(1, (millis + 999) / 1000));
    }

    private synchronized Window current(Instant now) {
        if (!now.isBefore(window.start().plus(length))) {
            window = new Window(now, new ConcurrentHashMap<>());
        }
        return window;
    }
}
