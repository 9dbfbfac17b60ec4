package vn.ioc.edge.tamper;

import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Tells whether the picture has changed since it last moved. Comparing with that picture rather than
 * with the previous frame means a slow drift (dusk, a cloud) still counts as change once it adds up.
 */
final class StillPicture implements AutoCloseable {

    private final double pixelTolerance;
    private final double maxChangedShare;
    private final Mat lastMoved = new Mat();
    private final Mat difference = new Mat();

    StillPicture(double pixelTolerance, double maxChangedShare) {
        this.pixelTolerance = pixelTolerance;
        this.maxChangedShare = maxChangedShare;
    }

    /** Whether {@code small} is the same picture as when it last moved; remembers it if it moved. */
    boolean isStill(Mat small) {
        if (lastMoved.empty() || lastMoved.cols() != small.cols() || lastMoved.rows() != small.rows()) {
            small.copyTo(lastMoved);
            return false;
        }
        absdiff(small, lastMoved, difference);
        threshold(difference, difference, pixelTolerance, 255, THRESH_BINARY);
        double changed = (double) countNonZero(difference) / ((double) small.cols() * small.rows());
        if (changed < maxChangedShare) {
            return true;
        }
        small.copyTo(lastMoved);
        return false;
    }

    @Override
    public void close() {
        lastMoved.close();
        difference.close();
    }
}
