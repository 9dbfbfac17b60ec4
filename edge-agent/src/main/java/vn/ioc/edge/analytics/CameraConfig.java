package vn.ioc.edge.analytics;

import java.util.List;

import org.locationtech.jts.geom.Polygon;

/**
 * What one camera watches, as read from its YAML ({@link CameraConfigReader}). All coordinates are
 * pixels of the source video.
 *
 * @param privacyMasks areas never shown outside the agent; the privacy filter blanks them
 */
public record CameraConfig(
        String camera, double statsIntervalSeconds, AnalysisSettings analysis, Calibration calibration,
        List<Lane> lanes, List<CountingLine> lines, List<Zone> zones, List<Polygon> privacyMasks) {

    public static final double DEFAULT_STATS_INTERVAL_SECONDS = 10;

    public CameraConfig {
        lanes = List.copyOf(lanes);
        lines = List.copyOf(lines);
        zones = List.copyOf(zones);
        privacyMasks = List.copyOf(privacyMasks);
    }
}
