package vn.ioc.streaming.detect;

import java.io.Serializable;

/**
 * Where one series stands against one {@link FlatLineRule}.
 *
 * @param stuck        whether the condition holds
 * @param anchor       the value the current flat run started with
 * @param anchorAt     epoch ms of that value: the run's start
 * @param last         the last value seen, to compare the next one with
 * @param lastAt       epoch ms of the last value seen, to ignore a value older than it
 * @param readings     how many values have been seen (capped: it only has to reach the rule's minimum)
 * @param varyingShare the learned share of consecutive readings that differ by more than the tolerance
 */
public record FlatLineState(boolean stuck, double anchor, long anchorAt, double last, long lastAt, int readings, double varyingShare)
        implements Serializable {

    public static final FlatLineState EMPTY = new FlatLineState(false, Double.NaN, 0, Double.NaN, Long.MIN_VALUE, 0, 0);
}
