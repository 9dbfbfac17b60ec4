package vn.ioc.edge.analytics;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.locationtech.jts.geom.Coordinate;

/**
 * Turns distances in the picture (source-frame pixels) into metres on the road, when the camera
 * has been measured. Without calibration there are no speeds and queues are estimated from the
 * number of stopped vehicles (see {@link TrafficStatistics}).
 */
public sealed interface Calibration {

    /** Metres on the ground between two points of the picture. */
    double metres(Coordinate a, Coordinate b);

    /** No measurement of the camera. */
    Calibration NONE = new None();

    record None() implements Calibration {
        @Override
        public double metres(Coordinate a, Coordinate b) {
            return Double.NaN;
        }
    }

    /** One scale along the lanes: good enough where the lanes are seen from above or from the side. */
    record Scale(double metresPerPixel) implements Calibration {
        @Override
        public double metres(Coordinate a, Coordinate b) {
            return a.distance(b) * metresPerPixel;
        }
    }

    /** A plane homography from four picture points to four ground points (metres), for perspective views. */
    record Homography(double[] h) implements Calibration {

        /** Computes the homography with OpenCV's {@code getPerspectiveTransform}. */
        public static Homography of(Coordinate[] image, Coordinate[] ground) {
            if (image.length != 4 || ground.length != 4) {
                throw new IllegalArgumentException("expected 4 image and 4 ground points but were " + image.length + " and " + ground.length);
            }
            try (Mat src = points(image); Mat dst = points(ground);
                 Mat m = opencv_imgproc.getPerspectiveTransform(src, dst);
                 DoubleIndexer ix = m.createIndexer()) {
                double[] h = new double[9];
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        h[r * 3 + c] = ix.get(r, c);
                    }
                }
                for (double v : h) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("the four points do not define a ground plane (three of them on one line?)");
                    }
                }
                return new Homography(h);
            }
        }

        private static Mat points(Coordinate[] pts) {
            Mat m = new Mat(4, 1, opencv_core.CV_32FC2);
            try (FloatIndexer ix = m.createIndexer()) {
                for (int i = 0; i < 4; i++) {
                    ix.put(i, 0, 0, (float) pts[i].x);
                    ix.put(i, 0, 1, (float) pts[i].y);
                }
            }
            return m;
        }

        public Coordinate toGround(Coordinate p) {
            double w = h[6] * p.x + h[7] * p.y + h[8];
            return new Coordinate((h[0] * p.x + h[1] * p.y + h[2]) / w, (h[3] * p.x + h[4] * p.y + h[5]) / w);
        }

        @Override
        public double metres(Coordinate a, Coordinate b) {
            return toGround(a).distance(toGround(b));
        }
    }
}
