package vn.ioc.edge.analytics;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A lane: where vehicles drive ({@code area}) and which way ({@code path}, a line along the lane
 * drawn in the direction of travel). The path rather than one vector gives the direction locally,
 * so curves and perspective are followed. Coordinates are source-frame pixels.
 */
public final class Lane {

    private final String id;
    private final Polygon area;
    private final PreparedGeometry prepared;
    private final LineString path;

    public Lane(String id, Polygon area, LineString path) {
        this.id = id;
        this.area = area;
        this.prepared = PreparedGeometryFactory.prepare(area);
        this.path = path;
    }

    public String id() {
        return id;
    }

    public Polygon area() {
        return area;
    }

    public LineString path() {
        return path;
    }

    public boolean contains(Coordinate c) {
        return prepared.contains(area.getFactory().createPoint(c));
    }

    /** The unit vector of travel at the part of the path nearest to {@code c}. */
    public double[] direction(Coordinate c) {
        LineSegment nearest = nearestSegment(c);
        double len = nearest.getLength();
        return new double[] {(nearest.p1.x - nearest.p0.x) / len, (nearest.p1.y - nearest.p0.y) / len};
    }

    /** How far along the path (source pixels from its start) the point nearest to {@code c} lies. */
    public double along(Coordinate c) {
        Coordinate[] pts = path.getCoordinates();
        double best = Double.MAX_VALUE;
        double at = 0;
        double before = 0;
        for (int i = 1; i < pts.length; i++) {
            LineSegment s = new LineSegment(pts[i - 1], pts[i]);
            double d = s.distance(c);
            if (d < best) {
                best = d;
                at = before + s.segmentFraction(c) * s.getLength();
            }
            before += s.getLength();
        }
        return at;
    }

    /** The point of the path {@code distance} pixels from its start. */
    public Coordinate pointAlong(double distance) {
        Coordinate[] pts = path.getCoordinates();
        double left = distance;
        for (int i = 1; i < pts.length; i++) {
            LineSegment s = new LineSegment(pts[i - 1], pts[i]);
            if (left <= s.getLength() || i == pts.length - 1) {
                return s.pointAlong(Math.max(0, Math.min(1, left / s.getLength())));
            }
            left -= s.getLength();
        }
        return pts[pts.length - 1];
    }

    private LineSegment nearestSegment(Coordinate c) {
        Coordinate[] pts = path.getCoordinates();
        LineSegment best = null;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 1; i < pts.length; i++) {
            LineSegment s = new LineSegment(pts[i - 1], pts[i]);
            double d = s.distance(c);
            if (d < bestDistance) {
                bestDistance = d;
                best = s;
            }
        }
        return best;
    }
}
