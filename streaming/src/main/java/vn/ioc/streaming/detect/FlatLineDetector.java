package vn.ioc.streaming.detect;

import java.time.Instant;

import vn.ioc.streaming.detect.ThresholdDetector.Signal;

/**
 * Runs one {@link FlatLineRule} over one series, a value at a time, in event-time order. Pure,
 * like {@link ThresholdDetector}: the state goes in and comes out.
 */
public final class FlatLineDetector {

    public record Step(FlatLineState state, Signal signal) {
    }

    private FlatLineDetector() {
    }

    public static Step step(FlatLineRule rule, FlatLineState s, double value, Instant at) {
        long t = at.toEpochMilli();
        if (t < s.lastAt()) {
            return new Step(s, Signal.NONE); // older than what this series already showed: changes nothing
        }
        if (s.readings() == 0) {
            return new Step(new FlatLineState(false, value, t, value, t, 1, 0), Signal.NONE);
        }
        int readings = Math.min(s.readings() + 1, Integer.MAX_VALUE - 1);
        // while stuck the share is not learned: a long stuck spell would teach it the series is constant
        double share = s.stuck() ? s.varyingShare() : learned(rule, s, value, readings);
        if (rule.changed(s.anchor(), value)) {
            // a real change: a new flat run starts here, and a stuck condition ends at once
            return new Step(new FlatLineState(false, value, t, value, t, readings, share), s.stuck() ? Signal.ENDED : Signal.NONE);
        }
        if (s.stuck()) {
            return new Step(new FlatLineState(true, s.anchor(), s.anchorAt(), value, t, readings, share), Signal.HOLDS);
        }
        boolean varies = readings >= rule.minReadings() && share >= rule.minVaryingShare();
        boolean stuck = varies && t - s.anchorAt() >= rule.stuckFor().toMillis();
        return new Step(new FlatLineState(stuck, s.anchor(), s.anchorAt(), value, t, readings, share), stuck ? Signal.STARTED : Signal.NONE);
    }

    /** The share of changing readings, as a running mean at first and then exponentially weighted over about {@code memory} readings. */
    private static double learned(FlatLineRule rule, FlatLineState s, double value, int readings) {
        double w = Math.max(1.0 / (readings - 1), 1.0 / rule.memory());
        double changed = rule.changed(s.last(), value) ? 1 : 0;
        return s.varyingShare() + w * (changed - s.varyingShare());
    }
}
