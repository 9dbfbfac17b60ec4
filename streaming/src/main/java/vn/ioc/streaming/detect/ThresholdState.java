package vn.ioc.streaming.detect;

/**
 * Where one series stands against one rule.
 *
 * @param since   epoch ms when the current phase began (for PENDING and CLEARING: when the value crossed)
 * @param lastAt  epoch ms of the last value seen, to ignore a value older than it
 */
public record ThresholdState(Phase phase, long since, long lastAt) {

    public enum Phase {
        /** Normal. */
        NORMAL,
        /** Beyond the threshold, not yet for long enough. */
        PENDING,
        /** The condition holds. */
        ACTIVE,
        /** Back to normal, not yet for long enough to clear. */
        CLEARING
    }

    public static final ThresholdState NORMAL = new ThresholdState(Phase.NORMAL, 0, Long.MIN_VALUE);
}
