package vn.ioc.edge.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import vn.ioc.ingest.contract.CameraStats;

/**
 * Traffic statistics of one camera over [{@code start}, {@code end}) in video seconds.
 *
 * @param partial the video ended before the interval did
 */
public record IntervalStats(double start, double end, boolean partial,
                            List<LineCount> counts, List<LaneStats> lanes, Health health) implements AnalyticsOutput {

    /** The class every tracked object is counted under: the background model does not tell kinds apart. */
    public static final String VEHICLE = "vehicle";

    public IntervalStats {
        counts = List.copyOf(counts);
        lanes = List.copyOf(lanes);
    }

    @Override
    public double seconds() {
        return end;
    }

    /** Objects that crossed {@code line} in {@code direction}; each track once per line. */
    public record LineCount(String line, String direction, int vehicles) {
    }

    /**
     * @param occupancy percent of the analysed frames with at least one object in the lane
     * @param present   mean number of objects in the lane per frame
     * @param speedKmh  mean speed of the moving objects in the lane, null without calibration or traffic
     * @param queueM    the longest queue of the interval, metres (see {@link TrafficStatistics})
     * @param stopped   objects that stood still in the lane during the interval
     */
    public record LaneStats(String lane, double occupancy, double present, Double speedKmh, double queueM, int stopped) {
    }

    /**
     * @param brightness mean grey level in [0, 1]
     * @param sharpness  variance of the Laplacian v as v / (v + 100), in [0, 1)
     * @param frozen     no frame differed from the one before over the interval
     * @param fps        frames analysed per second of video
     */
    public record Health(double brightness, double sharpness, boolean frozen, double fps) {
    }

    /**
     * The statistics for the wire.
     *
     * @param videoStart the instant of video time 0
     */
    public CameraStats toCameraStats(String agent, long seq, String site, String camera, Instant videoStart) {
        return new CameraStats(agent, seq, site, camera, at(videoStart, start), at(videoStart, end),
                counts.stream().map(c -> new CameraStats.LineCount(c.line(), c.direction(), Map.of(VEHICLE, c.vehicles()))).toList(),
                lanes.stream().map(l -> new CameraStats.LaneStats(l.lane(), l.occupancy(), l.present(), l.speedKmh(), l.queueM(), l.stopped())).toList(),
                new CameraStats.ImageHealth(health.brightness(), health.sharpness(), health.frozen(), health.fps()));
    }

    static Instant at(Instant origin, double seconds) {
        return origin.plusNanos(Math.round(seconds * 1e9));
    }
}
