package vn.ioc.streaming.detect;

import java.time.Instant;

import vn.ioc.streaming.detect.ThresholdDetector.Signal;

/**
 * Runs one {@link MissingDataRule} over one series. A reading goes through {@link #step}; the
 * silence is judged by {@link #check}, which the job calls from an event-time timer set at
 * {@link #dueAt}. Pure, like {@link ThresholdDetector}: the state goes in and comes out.
 *
 * <p>The usual interval is a running median, not a mean: each interval moves the estimate up or
 * down by a fixed fraction of it, whatever its size (stochastic approximation of the median on a
 * log scale). An outage of a day or a burst of retransmissions moves it by that fraction only,
 * where a mean would jump. It starts at the first interval seen.
 */
public final class MissingDataDetector {

    public record Step(MissingDataState state, Signal signal) {
    }

    private MissingDataDetector() {
    }

    /** A reading arrived at {@code at}; its value does not matter here. */
    public static Step step(MissingDataRule rule, MissingDataState s, Instant at) {
        long t = at.toEpochMilli();
        if (t < s.lastAt()) {
            return new Step(s, Signal.NONE); // older than what this series already showed: changes nothing
        }
        int readings = Math.min(s.readings() + 1, Integer.MAX_VALUE - 1);
        if (s.missing()) {
            // the silence was an outage, not the usual spacing: it does not teach the interval
            return new Step(new MissingDataState(false, t, readings, s.interval()), Signal.ENDED);
        }
        double interval = s.interval();
        long gap = s.readings() == 0 ? 0 : t - s.lastAt();
        if (gap > 0) {
            interval = Double.isNaN(interval)
                    ? rule.clamp(gap)
                    : rule.clamp(interval * (gap > interval ? 1 + rule.learningRate() : gap < interval ? 1 - rule.learningRate() : 1));
        }
        return new Step(new MissingDataState(false, t, readings, interval), Signal.NONE);
    }

    /** Whether the series is silent at {@code now}: STARTED when it has just become so. */
    public static Step check(MissingDataRule rule, MissingDataState s, Instant now) {
        Instant due = dueAt(rule, s);
        if (s.missing() || due == null || now.isBefore(due) || now.equals(due)) {
            return new Step(s, s.missing() ? Signal.HOLDS : Signal.NONE);
        }
        return new Step(new MissingDataState(true, s.lastAt(), s.readings(), s.interval()), Signal.STARTED);
    }

    /** When the silence becomes missing data; null while the interval is not yet learned or while already missing. */
    public static Instant dueAt(MissingDataRule rule, MissingDataState s) {
        if (s.missing() || s.readings() < rule.minReadings() || Double.isNaN(s.interval())) {
            return null;
        }
        return Instant.ofEpochMilli(s.lastAt() + Math.round(rule.factor() * s.interval()));
    }
}
