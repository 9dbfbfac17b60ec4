package vn.ioc.streaming.detect;

import java.time.Instant;

import vn.ioc.streaming.detect.ThresholdState.Phase;

/**
 * Runs one {@link ThresholdRule} over one series, a value at a time, in event-time order.
 * Pure: the state goes in and comes out, so the stream job keeps it in Flink state and a
 * test keeps it in a variable.
 */
public final class ThresholdDetector {

    /** What a value changed. */
    public enum Signal {
        NONE,
        /** The condition began with this value. */
        STARTED,
        /** The condition holds and this value is beyond the threshold. */
        HOLDS,
        /** The condition still holds, but this value is back to normal: it clears if that lasts. */
        RECOVERING,
        /** The condition ended with this value. */
        ENDED
    }

    public record Step(ThresholdState state, Signal signal) {
    }

    private ThresholdDetector() {
    }

    public static Step step(ThresholdRule rule, ThresholdState s, double value, Instant at) {
        long t = at.toEpochMilli();
        if (t < s.lastAt()) {
            return new Step(s, Signal.NONE); // older than what this series already showed: changes nothing
        }
        boolean breached = rule.breached(value);
        boolean cleared = rule.cleared(value);
        return switch (s.phase()) {
            case NORMAL -> breached
                    ? enterOrWait(rule, new ThresholdState(Phase.PENDING, t, t), t)
                    : new Step(new ThresholdState(Phase.NORMAL, 0, t), Signal.NONE);
            case PENDING -> {
                if (breached) {
                    yield enterOrWait(rule, new ThresholdState(Phase.PENDING, s.since(), t), t);
                }
                // back past the clearing level: it was a blip; in between: keep waiting
                yield new Step(cleared ? new ThresholdState(Phase.NORMAL, 0, t) : new ThresholdState(Phase.PENDING, s.since(), t), Signal.NONE);
            }
            case ACTIVE -> cleared
                    ? clearOrWait(rule, new ThresholdState(Phase.CLEARING, t, t), t)
                    : new Step(new ThresholdState(Phase.ACTIVE, s.since(), t), breached ? Signal.HOLDS : Signal.RECOVERING);
            case CLEARING -> {
                if (breached) {
                    yield new Step(new ThresholdState(Phase.ACTIVE, t, t), Signal.HOLDS);
                }
                // between the levels: the recovery goes on (hysteresis works both ways)
                yield cleared
                        ? clearOrWait(rule, new ThresholdState(Phase.CLEARING, s.since(), t), t)
                        : new Step(new ThresholdState(Phase.CLEARING, s.since(), t), Signal.RECOVERING);
            }
        };
    }

    private static Step enterOrWait(ThresholdRule rule, ThresholdState pending, long t) {
        if (t - pending.since() >= rule.minDuration().toMillis()) {
            return new Step(new ThresholdState(Phase.ACTIVE, t, t), Signal.STARTED);
        }
        return new Step(pending, Signal.NONE);
    }

    private static Step clearOrWait(ThresholdRule rule, ThresholdState clearing, long t) {
        if (t - clearing.since() >= rule.clearAfter().toMillis()) {
            return new Step(new ThresholdState(Phase.NORMAL, 0, t), Signal.ENDED);
        }
        return new Step(clearing, Signal.RECOVERING);
    }
}
