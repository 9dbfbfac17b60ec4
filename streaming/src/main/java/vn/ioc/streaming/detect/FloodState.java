package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.util.List;

import vn.ioc.ingest.contract.Incident;

/**
 * Where one water-level series stands against its {@link FloodRule}.
 *
 * @param severity the condition's severity; null when NORMAL
 * @param since    epoch ms when the level was first back to normal, while CLEARING
 * @param lastAt   epoch ms of the last reading, to ignore one older than it
 * @param readings the readings within the rule's rise window, oldest first, at most maxReadings
 */
public record FloodState(Phase phase, Incident.Severity severity, long since, long lastAt, List<Reading> readings) implements Serializable {

    public enum Phase {
        NORMAL,
        /** The condition holds. */
        ACTIVE,
        /** Back to normal, not yet for long enough to clear. */
        CLEARING
    }

    /** One gauge reading: epoch ms and level. */
    public record Reading(long at, double level) implements Serializable {
    }

    public static final FloodState NORMAL = new FloodState(Phase.NORMAL, null, 0, Long.MIN_VALUE, List.of());

    public FloodState {
        readings = List.copyOf(readings);
    }
}
