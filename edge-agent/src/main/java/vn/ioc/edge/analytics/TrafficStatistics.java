package vn.ioc.edge.analytics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;

/**
 * Sums one interval's traffic: crossings per line and direction, and per lane, frame by frame, the
 * objects present, their speed and the queue.
 *
 * <p>The queue of a lane is made of its stopped objects. With calibration it runs along the lane's
 * path from the furthest-downstream stopped object to the furthest-upstream one, plus one
 * {@code queueSpacingM} for the last vehicle's own length; without calibration it is the number of
 * stopped objects × {@code queueSpacingM}. The interval reports its longest queue.
 */
final class TrafficStatistics {

    private final CameraConfig config;
    private final Map<String, Integer> crossings = new LinkedHashMap<>();
    private final Map<String, LaneSums> lanes = new LinkedHashMap<>();

    private static final class LaneSums {
        int frames;
        int occupiedFrames;
        long present;
        double speedSum;
        int speedSamples;
        double queueM;
        final Set<Long> stopped = new HashSet<>();
    }

    TrafficStatistics(CameraConfig config) {
        this.config = config;
        reset();
    }

    private void reset() {
        crossings.clear();
        for (CountingLine line : config.lines()) {
            for (String direction : line.directions()) {
                crossings.put(key(line.id(), direction), 0);
            }
        }
        lanes.clear();
        for (Lane lane : config.lanes()) {
            lanes.put(lane.id(), new LaneSums());
        }
    }

    void crossed(String line, String direction) {
        crossings.merge(key(line, direction), 1, Integer::sum);
    }

    /** One analysed frame with its confirmed tracks. */
    void frame(List<Track> tracks, double now) {
        AnalysisSettings s = config.analysis();
        for (Lane lane : config.lanes()) {
            LaneSums sums = lanes.get(lane.id());
            int present = 0;
            List<Double> stoppedAlong = new ArrayList<>();
            for (Track t : tracks) {
                if (!lane.contains(t.anchor())) {
                    continue;
                }
                present++;
                if (t.stillFor(now) >= s.stoppedSeconds()) {
                    sums.stopped.add(t.id());
                    stoppedAlong.add(lane.along(t.anchor()));
                } else if (!(config.calibration() instanceof Calibration.None)) {
                    Coordinate a = t.anchor();
                    double mps = config.calibration().metres(a, new Coordinate(a.x + t.vx(), a.y + t.vy()));
                    if (Double.isFinite(mps)) {
                        sums.speedSum += mps;
                        sums.speedSamples++;
                    }
                }
            }
            sums.frames++;
            sums.present += present;
            if (present > 0) {
                sums.occupiedFrames++;
            }
            sums.queueM = Math.max(sums.queueM, queue(lane, stoppedAlong));
        }
    }

    private double queue(Lane lane, List<Double> stoppedAlong) {
        if (stoppedAlong.isEmpty()) {
            return 0;
        }
        double spacing = config.analysis().queueSpacingM();
        if (config.calibration() instanceof Calibration.None) {
            return stoppedAlong.size() * spacing;
        }
        double first = stoppedAlong.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double last = stoppedAlong.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return config.calibration().metres(lane.pointAlong(first), lane.pointAlong(last)) + spacing;
    }

    /** The interval's statistics; the sums start again. */
    IntervalStats take(double start, double end, boolean partial, IntervalStats.Health health) {
        List<IntervalStats.LineCount> counts = new ArrayList<>();
        for (CountingLine line : config.lines()) {
            for (String direction : line.directions()) {
                counts.add(new IntervalStats.LineCount(line.id(), direction, crossings.get(key(line.id(), direction))));
            }
        }
        List<IntervalStats.LaneStats> laneStats = new ArrayList<>();
        for (Lane lane : config.lanes()) {
            LaneSums s = lanes.get(lane.id());
            int frames = Math.max(1, s.frames);
            Double speed = s.speedSamples == 0 ? null : round(s.speedSum / s.speedSamples * 3.6);
            laneStats.add(new IntervalStats.LaneStats(lane.id(), round(100.0 * s.occupiedFrames / frames),
                    round((double) s.present / frames), speed, round(s.queueM), s.stopped.size()));
        }
        reset();
        return new IntervalStats(start, end, partial, counts, laneStats, health);
    }

    private static String key(String line, String direction) {
        return line + '\n' + direction;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
