package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.util.List;

import vn.ioc.streaming.detect.ThresholdState.Phase;

/**
 * Where one series stands against one {@link RateOfChangeRule}: the phase as for a threshold,
 * and the recent points the rate is measured on (at most the rule's capacity, oldest first).
 *
 * @param since  epoch ms when the current phase began (for PENDING and CLEARING: when the rate crossed)
 * @param lastAt epoch ms of the last value seen, to ignore a value older than it
 */
public record RateOfChangeState(Phase phase, long since, long lastAt, List<Point> points) implements Serializable {

    public record Point(long at, double value) implements Serializable {
    }

    public static final RateOfChangeState NORMAL = new RateOfChangeState(Phase.NORMAL, 0, Long.MIN_VALUE, List.of());

    public RateOfChangeState {
        points = List.copyOf(points);
    }
}
