package vn.ioc.edge.analytics;

import org.locationtech.jts.geom.Coordinate;

/** Something seen in one frame: its box in source-frame pixels. */
public record Detection(double x, double y, double width, double height) {

    public Coordinate centre() {
        return new Coordinate(x + width / 2, y + height / 2);
    }

    /** Where the object touches the road, as far as a box can tell: the middle of its bottom edge. */
    public Coordinate anchor() {
        return new Coordinate(x + width / 2, y + height);
    }

    public double diagonal() {
        return Math.hypot(width, height);
    }

    public double iou(Detection o) {
        double ix = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
        double iy = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
        double inter = ix * iy;
        double union = width * height + o.width * o.height - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
