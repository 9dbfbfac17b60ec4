package vn.ioc.streaming.job;

import org.apache.flink.util.OutputTag;

import vn.ioc.streaming.detect.DetectorRules;

/**
 * How the drift watch joins the job: the site function emits each reading a drift rule watches on
 * {@link #PLACED_READINGS}, and the job sends them on by neighbourhood:
 * {@code getSideOutput(PLACED_READINGS).keyBy(PlacedReading::neighbourhood).process(new WatchNeighbours(options))}.
 */
public final class DriftWiring {

    /** The readings of metrics watched for drift, with their device's place and type. */
    public static final OutputTag<PlacedReading> PLACED_READINGS = new OutputTag<>("placed-readings") {
    };

    private DriftWiring() {
    }

    /** Whether readings of {@code metric} from a device of {@code deviceType} are watched for drift, and so must be emitted. */
    public static boolean watched(DetectorRules rules, String deviceType, String metric) {
        return metric != null && rules.driftFor(deviceType).stream().anyMatch(r -> r.metric().equals(metric));
    }
}
