package vn.ioc.edge.analytics;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Measures the picture over an interval on the small grey copy: brightness every frame, whether any
 * frame differs from the interval's first (until one does), sharpness once a second (the Laplacian is
 * the costly part).
 */
final class ImageHealthMeter implements AutoCloseable {

    /** Mean absolute change below which two frames count as the same, grey levels. */
    private static final double SAME_PICTURE = 0.05;
    /** Laplacian variance at which sharpness reads 0.5. */
    private static final double SHARPNESS_HALF = 100;

    private final Mat previous = new Mat();
    private final Mat difference = new Mat();
    private final Mat laplacian = new Mat();
    private final Mat mean = new Mat();
    private final Mat deviation = new Mat();
    private boolean hasPrevious;
    private int frames;
    private double brightnessSum;
    private double sharpnessSum;
    private int sharpnessSamples;
    private double nextSharpness = Double.NEGATIVE_INFINITY;
    private boolean changed;

    void frame(Mat grey, double seconds) {
        frames++;
        try (Scalar m = opencv_core.mean(grey)) {
            brightnessSum += m.get(0) / 255;
        }
        // Frozen means no frame of the interval differs from its first: once one has, nothing is left to compare.
        if (!changed) {
            if (hasPrevious) {
                opencv_core.absdiff(grey, previous, difference);
                try (Scalar d = opencv_core.mean(difference)) {
                    changed = d.get(0) > SAME_PICTURE;
                }
            } else {
                grey.copyTo(previous);
                hasPrevious = true;
            }
        }
        if (seconds >= nextSharpness) {
            opencv_imgproc.Laplacian(grey, laplacian, opencv_core.CV_16S);
            opencv_core.meanStdDev(laplacian, mean, deviation);
            double sd;
            try (DoubleIndexer ix = deviation.createIndexer()) {
                sd = ix.get(0);
            }
            double variance = sd * sd;
            sharpnessSum += variance / (variance + SHARPNESS_HALF);
            sharpnessSamples++;
            nextSharpness = seconds + 1;
        }
    }

    /** The interval's health; the sums start again. */
    IntervalStats.Health take(double durationSeconds) {
        IntervalStats.Health h = new IntervalStats.Health(
                frames == 0 ? 0 : round(brightnessSum / frames),
                sharpnessSamples == 0 ? 0 : round(sharpnessSum / sharpnessSamples),
                frames > 1 && !changed,
                durationSeconds <= 0 ? 0 : round(frames / durationSeconds));
        frames = 0;
        brightnessSum = 0;
        sharpnessSum = 0;
        sharpnessSamples = 0;
        changed = false;
        hasPrevious = false;
        return h;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    @Override
    public void close() {
        previous.close();
        difference.close();
        laplacian.close();
        mean.close();
        deviation.close();
    }
}
