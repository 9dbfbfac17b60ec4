package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.util.List;

/**
 * Where one device stands against one {@link DriftRule}. Both lists are bounded by the rule: the
 * baseline by its {@code baseline} periods, the recent window by its {@code recent} ones.
 *
 * @param drifting whether the condition holds
 * @param streak   judged periods in a row that were beyond the limit (while not drifting) or back
 *                 within the clearing band (while drifting)
 * @param lastAt   epoch ms of the start of the last period judged or learned, to ignore an older one
 * @param skipped  periods skipped for too few neighbours (capped: for a status page, not a decision)
 * @param baseline the differences the usual one is learned from, oldest first; not added to while drifting
 * @param recent   the differences of the last periods, oldest first
 */
public record DriftState(boolean drifting, int streak, long lastAt, int skipped, List<Residual> baseline, List<Residual> recent)
        implements Serializable {

    /**
     * One period: the device's mean minus the median of its neighbours' means.
     *
     * @param at        epoch ms of the start of the period
     * @param reference the median of the neighbours' means, the level the difference was taken from
     */
    public record Residual(long at, double value, double reference) implements Serializable {
    }

    public static final DriftState EMPTY = new DriftState(false, 0, Long.MIN_VALUE, 0, List.of(), List.of());

    public DriftState {
        baseline = List.copyOf(baseline);
        recent = List.copyOf(recent);
    }

    DriftState skip() {
        return new DriftState(drifting, streak, lastAt, skipped == Integer.MAX_VALUE ? skipped : skipped + 1, baseline, recent);
    }
}
