package vn.ioc.edge.video;

import java.time.Duration;

/**
 * Exponential back-off between reconnects: the first wait is {@code initial}, each further
 * one doubles up to {@code max}, and a connection that stayed good resets it, so a camera
 * that blips once a day reconnects in a second while a dead one is not hammered.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration current;
    private int attempts;

    public Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("expected a positive initial back-off but was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("expected a maximum back-off of at least " + initial + " but was " + max);
        }
        this.initial = initial;
        this.max = max;
    }

    /** The wait before the next attempt; each call doubles the one after, up to the maximum. */
    public Duration next() {
        current = current == null ? initial : min(current.multipliedBy(2), max);
        attempts++;
        return current;
    }

    /** How many waits were handed out since the last reset. */
    public int attempts() {
        return attempts;
    }

    public void reset() {
        current = null;
        attempts = 0;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
