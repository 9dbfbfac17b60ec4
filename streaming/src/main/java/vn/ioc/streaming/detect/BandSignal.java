package vn.ioc.streaming.detect;

/**
 * What a step of a detector whose condition moves between bands (air quality, flood levels) changed:
 * besides starting, holding and ending, the condition may move up or down a band.
 */
public enum BandSignal {
    NONE,
    /** The condition began with this step. */
    STARTED,
    /** The condition holds and is now more severe. */
    RAISED,
    /** The condition holds and is now less severe. */
    LOWERED,
    /** The condition holds at the same severity. */
    HOLDS,
    /** The condition still holds but this step is back to normal: it clears if that lasts. */
    RECOVERING,
    /** The condition ended with this step. */
    ENDED;

    /** The same step for a condition without bands: a band up or down is the condition going on. */
    public ThresholdDetector.Signal withoutBands() {
        return switch (this) {
            case NONE -> ThresholdDetector.Signal.NONE;
            case STARTED -> ThresholdDetector.Signal.STARTED;
            case RAISED, LOWERED, HOLDS -> ThresholdDetector.Signal.HOLDS;
            case RECOVERING -> ThresholdDetector.Signal.RECOVERING;
            case ENDED -> ThresholdDetector.Signal.ENDED;
        };
    }
}
