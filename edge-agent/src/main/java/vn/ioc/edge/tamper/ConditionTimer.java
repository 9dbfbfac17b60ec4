package vn.ioc.edge.tamper;

/**
 * Hysteresis for one condition, in seconds: it starts once the raw condition has held for
 * {@code startAfter} and ends once it has been absent for {@code endAfter}, so a flickering
 * measurement gives one start and one end rather than a burst of both.
 */
final class ConditionTimer {

    /** What an update decided. */
    enum Step { NONE, STARTED, ENDED }

    private final double startAfter;
    private final double endAfter;
    private boolean active;
    /** when the raw condition last began to disagree with {@link #active}; NaN while it agrees */
    private double disagreeingSince = Double.NaN;

    ConditionTimer(double startAfter, double endAfter) {
        this.startAfter = startAfter;
        this.endAfter = endAfter;
    }

    Step update(boolean holds, double seconds) {
        if (holds == active) {
            disagreeingSince = Double.NaN;
            return Step.NONE;
        }
        if (Double.isNaN(disagreeingSince)) {
            disagreeingSince = seconds;
        }
        if (seconds - disagreeingSince < (active ? endAfter : startAfter)) {
            return Step.NONE;
        }
        active = !active;
        disagreeingSince = Double.NaN;
        return active ? Step.STARTED : Step.ENDED;
    }

    /** The condition cannot be judged on this frame: keep the state, forget any pending change. */
    void undecided() {
        disagreeingSince = Double.NaN;
    }

    boolean active() {
        return active;
    }
}
