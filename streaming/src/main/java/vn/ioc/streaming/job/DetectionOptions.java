package vn.ioc.streaming.job;

import java.io.Serializable;
import java.time.Duration;

import vn.ioc.streaming.detect.DetectorRules;

/**
 * How the job detects.
 *
 * @param maxOutOfOrder  how late (in event time) a reading may arrive and still be put in its place
 * @param idleAfter      a source split with no data for this long stops holding back event time
 *                       (sensors go quiet; the others must not wait for them)
 * @param silenceTimeout a site from which nothing arrived for this long (wall-clock) is offline
 * @param updateEvery    how often an incident that just goes on is refreshed on the map
 * @param seenEvery      how often a site's "last seen" is written
 * @param stateTtl       a device's detector state that has not been touched for this long (wall clock)
 *                       is dropped: a device taken away frees its state, one that reports keeps it
 */
public record DetectionOptions(
        DetectorRules rules, Duration maxOutOfOrder, Duration idleAfter,
        Duration silenceTimeout, Duration updateEvery, Duration seenEvery, Duration stateTtl) implements Serializable {

    /** A week: longer than any outage after which a device should resume where it left off. */
    public static final Duration DEFAULT_STATE_TTL = Duration.ofDays(7);

    public DetectionOptions(DetectorRules rules, Duration maxOutOfOrder, Duration idleAfter,
                            Duration silenceTimeout, Duration updateEvery, Duration seenEvery) {
        this(rules, maxOutOfOrder, idleAfter, silenceTimeout, updateEvery, seenEvery, DEFAULT_STATE_TTL);
    }

    public DetectionOptions {
        if (stateTtl.isNegative() || stateTtl.isZero()) {
            throw new IllegalArgumentException("expected a positive state time-to-live but was " + stateTtl);
        }
    }

    /** Real-time defaults: sensors report every few minutes. */
    public static DetectionOptions defaults() {
        return new DetectionOptions(DetectorRules.defaults(), Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofSeconds(30));
    }

    /**
     * For recorded data replayed {@code speedup} times faster than real time: the rules and the
     * update interval shrink with it; the silence timeout does not go below 30 s of wall clock.
     */
    public static DetectionOptions replay(double speedup) {
        DetectionOptions d = defaults();
        return new DetectionOptions(d.rules().compressed(speedup), Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofMillis((long) (d.updateEvery().toMillis() / speedup)), Duration.ofSeconds(10));
    }
}
