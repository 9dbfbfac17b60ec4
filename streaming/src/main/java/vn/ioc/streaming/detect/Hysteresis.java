package vn.ioc.streaming.detect;

import java.time.Duration;

import vn.ioc.streaming.detect.ThresholdDetector.Signal;
import vn.ioc.streaming.detect.ThresholdState.Phase;

/**
 * The phases of a condition that starts once it has been breached for a minimum duration and ends
 * once it has been clear for a while, with a gap between breached and clear where nothing changes
 * but time: shared by the detectors that judge a derived quantity (a rate, a speed against the
 * usual) rather than the value itself.
 */
final class Hysteresis {

    /** Where a series stands after a step: its phase, since when (epoch ms), and what the step changed. */
    record Outcome(Phase phase, long since, Signal signal) {
    }

    private Hysteresis() {
    }

    /**
     * @param t        epoch ms of this step
     * @param breached whether this step is in the condition
     * @param cleared  whether this step is back to normal (both false: between the levels)
     */
    static Outcome step(Phase phase, long since, long t, boolean breached, boolean cleared, Duration minDuration, Duration clearAfter) {
        Signal signal = Signal.NONE;
        switch (phase) {
            case NORMAL -> {
                if (breached) {
                    phase = Phase.PENDING;
                    since = t;
                }
            }
            case PENDING -> {
                if (cleared) {
                    phase = Phase.NORMAL;
                }
            }
            case ACTIVE -> {
                if (cleared) {
                    phase = Phase.CLEARING;
                    since = t;
                }
                signal = breached ? Signal.HOLDS : Signal.RECOVERING;
            }
            case CLEARING -> {
                if (breached) {
                    phase = Phase.ACTIVE;
                    since = t;
                    signal = Signal.HOLDS;
                } else {
                    signal = Signal.RECOVERING; // between the levels too: hysteresis works both ways
                }
            }
        }
        if (phase == Phase.PENDING && t - since >= minDuration.toMillis()) {
            return new Outcome(Phase.ACTIVE, t, Signal.STARTED);
        }
        if (phase == Phase.CLEARING && t - since >= clearAfter.toMillis()) {
            return new Outcome(Phase.NORMAL, since, Signal.ENDED);
        }
        return new Outcome(phase, since, signal);
    }
}
