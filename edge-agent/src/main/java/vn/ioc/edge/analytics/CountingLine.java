package vn.ioc.edge.analytics;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineSegment;

/**
 * A counting line from {@code from} to {@code to}, with at most two named directions of crossing.
 * Each direction is given by a vector pointing the way traffic crosses; it decides which side of
 * the line is "before" for that direction. A crossing in a direction that has no name is not counted.
 */
public final class CountingLine {

    private final String id;
    private final LineSegment segment;
    /** the direction named for crossing from the line's left (seen from 'from' to 'to') to its right, or null */
    private final String leftToRight;
    private final String rightToLeft;
    private final List<String> names;

    /**
     * @param directions name → crossing vector (dx, dy) in image coordinates (y down); one or two entries
     *                   on opposite sides of the line
     */
    public CountingLine(String id, Coordinate from, Coordinate to, Map<String, double[]> directions) {
        this.id = id;
        this.segment = new LineSegment(from, to);
        String l2r = null;
        String r2l = null;
        for (Map.Entry<String, double[]> e : directions.entrySet()) {
            int side = sideOfVector(e.getValue());
            if (side == 0) {
                throw new IllegalArgumentException("line '" + id + "': direction '" + e.getKey() + "' runs along the line, not across it");
            }
            if (side < 0) {
                // The vector points to the line's right: traffic going that way crosses left to right.
                if (l2r != null) {
                    throw new IllegalArgumentException("line '" + id + "': directions '" + l2r + "' and '" + e.getKey() + "' cross the same way");
                }
                l2r = e.getKey();
            } else {
                if (r2l != null) {
                    throw new IllegalArgumentException("line '" + id + "': directions '" + r2l + "' and '" + e.getKey() + "' cross the same way");
                }
                r2l = e.getKey();
            }
        }
        this.leftToRight = l2r;
        this.rightToLeft = r2l;
        this.names = List.copyOf(directions.keySet());
    }

    public String id() {
        return id;
    }

    public LineSegment segment() {
        return segment;
    }

    /** The named directions, in the order they were given. */
    public List<String> directions() {
        return names;
    }

    /**
     * The named direction in which a move from {@code before} to {@code after} crosses this line, if
     * it does. A point lying exactly on the line counts as not yet crossed, so a move that ends on the
     * line crosses on the next move.
     */
    public Optional<String> crossing(Coordinate before, Coordinate after) {
        int s0 = side(before);
        int s1 = side(after);
        if (s0 == 0 || s1 == 0 || s0 == s1) {
            return Optional.empty();
        }
        if (segment.intersection(new LineSegment(before, after)) == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(s0 > 0 ? leftToRight : rightToLeft);
    }

    /** +1 left of the line (from→to), -1 right of it, 0 on it; "left" as JTS counts it (y up). */
    private int side(Coordinate c) {
        return Orientation.index(segment.p0, segment.p1, c);
    }

    private int sideOfVector(double[] v) {
        Coordinate mid = segment.midPoint();
        return side(new Coordinate(mid.x + v[0], mid.y + v[1]));
    }
}
