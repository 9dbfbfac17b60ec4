package vn.ioc.streaming.detect;

import java.io.Serializable;

/**
 * Where one series stands against one {@link MissingDataRule}.
 *
 * @param missing  whether the condition holds
 * @param lastAt   epoch ms of the last reading, to ignore one older than it and to time the silence
 * @param readings how many readings have been seen (capped: it only has to reach the rule's minimum)
 * @param interval the learned usual interval in ms, NaN before the second reading
 */
public record MissingDataState(boolean missing, long lastAt, int readings, double interval) implements Serializable {

    public static final MissingDataState EMPTY = new MissingDataState(false, Long.MIN_VALUE, 0, Double.NaN);
}
