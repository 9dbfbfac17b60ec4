package vn.ioc.edge.analytics;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A watched area of the picture, in source-frame pixels.
 * <ul>
 * <li>{@link Kind#NO_STOPPING}: vehicles may pass but not stand still longer than {@code maxStopSeconds}
 * (STALLED_VEHICLE).</li>
 * <li>{@link Kind#KEEP_CLEAR}: nothing should be there at all, like a hard shoulder or tracks
 * (ZONE_INTRUSION once something has been inside for {@code minSeconds}; the all-clear after the
 * zone has been empty for {@code clearSeconds}).</li>
 * </ul>
 */
public final class Zone {

    public enum Kind { NO_STOPPING, KEEP_CLEAR }

    private final String id;
    private final Kind kind;
    private final Polygon area;
    private final PreparedGeometry prepared;
    private final double maxStopSeconds;
    private final double minSeconds;
    private final double clearSeconds;

    private Zone(String id, Kind kind, Polygon area, double maxStopSeconds, double minSeconds, double clearSeconds) {
        this.id = id;
        this.kind = kind;
        this.area = area;
        this.prepared = PreparedGeometryFactory.prepare(area);
        this.maxStopSeconds = maxStopSeconds;
        this.minSeconds = minSeconds;
        this.clearSeconds = clearSeconds;
    }

    public static Zone noStopping(String id, Polygon area, double maxStopSeconds) {
        return new Zone(id, Kind.NO_STOPPING, area, maxStopSeconds, 0, 0);
    }

    public static Zone keepClear(String id, Polygon area, double minSeconds, double clearSeconds) {
        return new Zone(id, Kind.KEEP_CLEAR, area, 0, minSeconds, clearSeconds);
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public Polygon area() {
        return area;
    }

    public double maxStopSeconds() {
        return maxStopSeconds;
    }

    public double minSeconds() {
        return minSeconds;
    }

    public double clearSeconds() {
        return clearSeconds;
    }

    public boolean contains(Coordinate c) {
        return prepared.contains(area.getFactory().createPoint(c));
    }
}
