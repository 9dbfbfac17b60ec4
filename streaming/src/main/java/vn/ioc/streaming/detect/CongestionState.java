package vn.ioc.streaming.detect;

import java.io.Serializable;

import vn.ioc.streaming.detect.ThresholdState.Phase;

/**
 * Where one road sensor stands against one {@link CongestionRule}: the phase as for a threshold,
 * and the learned usual speed and occupancy.
 *
 * @param since  epoch ms when the current phase began (for PENDING and CLEARING: when the reading crossed)
 * @param lastAt epoch ms of the last reading seen, to ignore one older than it
 */
public record CongestionState(Phase phase, long since, long lastAt, TrafficProfile speed, TrafficProfile occupancy) implements Serializable {

    /** Nothing learned yet. */
    public static CongestionState initial(CongestionRule rule) {
        return new CongestionState(Phase.NORMAL, 0, Long.MIN_VALUE, TrafficProfile.empty(rule.profileSlots()), TrafficProfile.empty(rule.profileSlots()));
    }
}
