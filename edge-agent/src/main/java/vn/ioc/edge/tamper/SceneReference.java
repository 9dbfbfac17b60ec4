package vn.ioc.edge.tamper;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.Canny;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.accumulateWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * What the camera normally sees: a slowly updated average of the shrunk picture, whose edges are the
 * fixed scene (kerbs, lane marks, buildings); vehicles pass through the average without leaving edges.
 * A frame matches when most of those edges are found in it within a pixel. A passing truck hides part
 * of them for a moment; a turned or covered camera hides nearly all of them for good.
 */
final class SceneReference implements AutoCloseable {

    private static final double CANNY_LOW = 40;
    private static final double CANNY_HIGH = 120;
    /** below this share of edge pixels the reference is too plain to judge (fog, night, a blank wall) */
    private static final double MIN_EDGE_SHARE = 0.004;

    private final double timeConstant;
    private final Mat average = new Mat();
    private final Mat average8 = new Mat();
    private final Mat referenceEdges = new Mat();
    private final Mat edges = new Mat();
    private final Mat nearEdges = new Mat();
    private final Mat found = new Mat();
    private final Mat kernel;
    /**
     * The reference moves over minutes, so its edges are found again once a second, not at every look.
     */
    private static final double EDGES_EVERY_SECONDS = 1;
    private double learnedSeconds;
    private double edgesAgeSeconds = Double.POSITIVE_INFINITY;
    private int referenceCount;
    private boolean empty = true;

    SceneReference(double timeConstant) {
        this.timeConstant = timeConstant;
        try (Size three = new Size(3, 3)) {
            this.kernel = getStructuringElement(MORPH_RECT, three);
        }
    }

    boolean isEmpty() {
        return empty;
    }

    void learn(Mat small, double dt) {
        if (empty || average.cols() != small.cols() || average.rows() != small.rows()) {
            small.convertTo(average, CV_32F);
            learnedSeconds = 0;
            edgesAgeSeconds = Double.POSITIVE_INFINITY;
            empty = false;
            return;
        }
        learnedSeconds += dt;
        edgesAgeSeconds += dt;
        accumulateWeighted(small, average, LearningRate.of(dt, learnedSeconds, timeConstant));
    }

    /**
     * The share of the reference's edges found in {@code small}, from 0 to 1; NaN when the reference
     * has too few edges to say.
     */
    double match(Mat small) {
        if (edgesAgeSeconds >= EDGES_EVERY_SECONDS) {
            average.convertTo(average8, CV_8U);
            Canny(average8, referenceEdges, CANNY_LOW, CANNY_HIGH);
            referenceCount = countNonZero(referenceEdges);
            edgesAgeSeconds = 0;
        }
        if (referenceCount < MIN_EDGE_SHARE * small.cols() * small.rows()) {
            return Double.NaN;
        }
        Canny(small, edges, CANNY_LOW, CANNY_HIGH);
        dilate(edges, nearEdges, kernel);
        bitwise_and(referenceEdges, nearEdges, found);
        return (double) countNonZero(found) / referenceCount;
    }

    void forget() {
        empty = true;
        learnedSeconds = 0;
        edgesAgeSeconds = Double.POSITIVE_INFINITY;
    }

    @Override
    public void close() {
        average.close();
        average8.close();
        referenceEdges.close();
        edges.close();
        nearEdges.close();
        found.close();
        kernel.close();
    }
}
