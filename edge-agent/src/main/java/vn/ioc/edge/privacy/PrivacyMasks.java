package vn.ioc.edge.privacy;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;

import java.util.List;

import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * Areas a camera must never show (windows, gardens), as polygons in the source frame's pixels.
 * A polygon's holes are filled too: hiding more is the safe side. The scaled outlines are kept
 * for the last frame scale, since one camera's frames share one size.
 */
final class PrivacyMasks implements AutoCloseable {

    private final List<Polygon> polygons;
    private final Scalar fill = new Scalar(0, 0, 0, 0);
    private final Point noOffset = new Point(0, 0);
    private MatVector outlines;
    private double outlinesScale = Double.NaN;

    PrivacyMasks(List<Polygon> polygons) {
        for (Polygon polygon : polygons) {
            if (polygon == null || polygon.isEmpty()) {
                throw new IllegalArgumentException("expected privacy masks to be non-empty polygons but one was " + polygon);
            }
        }
        this.polygons = List.copyOf(polygons);
    }

    /** Fills the masks on {@code picture}, whose pixels are the source's times {@code scale}. */
    void apply(Mat picture, double scale) {
        if (polygons.isEmpty()) {
            return;
        }
        if (scale != outlinesScale) {
            rebuild(scale);
        }
        fillPoly(picture, outlines, fill, LINE_8, 0, noOffset);
    }

    private void rebuild(double scale) {
        if (outlines != null) {
            outlines.close();
        }
        outlines = new MatVector(polygons.size());
        for (int i = 0; i < polygons.size(); i++) {
            Coordinate[] ring = polygons.get(i).getExteriorRing().getCoordinates();
            // the vector keeps its own reference to the points, so this header can go at once
            try (Mat outline = new Mat(ring.length, 1, CV_32SC2); IntIndexer xy = outline.createIndexer()) {
                for (int p = 0; p < ring.length; p++) {
                    xy.put(p, 0, 0, (int) Math.round(ring[p].x * scale));
                    xy.put(p, 0, 1, (int) Math.round(ring[p].y * scale));
                }
                outlines.put(i, outline);
            }
        }
        outlinesScale = scale;
    }

    @Override
    public void close() {
        if (outlines != null) {
            outlines.close();
        }
        fill.close();
        noOffset.close();
    }
}
