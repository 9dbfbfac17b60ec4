package vn.ioc.edge.privacy;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * A drawn car rear with a Russian-format licence plate (no photograph of a readable plate ships with
 * OpenCV's Debian packages, so this one is synthetic): white plate, black frame, "A 123 BC" and a
 * region box, as the plate cascade was trained on.
 */
final class SyntheticPlate {

    private SyntheticPlate() {
    }

    static Mat carWithPlate() {
        Mat scene = new Mat(352, 640, CV_8UC3, new Scalar(70, 75, 80, 0));
        rectangle(scene, new Rect(170, 60, 300, 260), new Scalar(40, 40, 150, 0), -1, LINE_AA, 0);
        rectangle(scene, new Rect(190, 80, 260, 80), new Scalar(60, 50, 40, 0), -1, LINE_AA, 0);
        int x = 240;
        int y = 220;
        rectangle(scene, new Rect(x, y, 160, 36), new Scalar(235, 235, 235, 0), -1, LINE_AA, 0);
        rectangle(scene, new Rect(x, y, 160, 36), new Scalar(10, 10, 10, 0), 2, LINE_AA, 0);
        rectangle(scene, new Rect(x + 118, y + 2, 2, 32), new Scalar(10, 10, 10, 0), -1, LINE_AA, 0);
        putText(scene, "A123BC", new Point(x + 8, y + 28), FONT_HERSHEY_SIMPLEX, 0.85, new Scalar(10, 10, 10, 0), 2, LINE_AA, false);
        putText(scene, "77", new Point(x + 124, y + 22), FONT_HERSHEY_SIMPLEX, 0.5, new Scalar(10, 10, 10, 0), 1, LINE_AA, false);
        return scene;
    }

    /** Variance of the Laplacian inside {@code box}: high for sharp characters, low once blurred. */
    static double edgeEnergy(Mat bgr, Box box) {
        try (Rect rect = new Rect(box.x(), box.y(), box.width(), box.height());
             Mat area = bgr.apply(rect); Mat grey = new Mat(); Mat laplacian = new Mat();
             Mat mean = new Mat(); Mat deviation = new Mat()) {
            cvtColor(area, grey, COLOR_BGR2GRAY);
            Laplacian(grey, laplacian, CV_64F);
            meanStdDev(laplacian, mean, deviation);
            double sd = deviation.createIndexer().getDouble(0);
            return sd * sd;
        }
    }
}
