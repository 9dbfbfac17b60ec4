package vn.ioc.edge.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bytedeco.javacpp.indexer.UByteIndexer;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Shadows against things, for both background models, on a road made in the test: a textured grey
 * surface with sensor noise, and three shapes crossing it side by side. A shadow (the road at 80 % of
 * its brightness) must not be detected; a dark vehicle must be; and a patch as far from the road as
 * the shadow but brighter must be too, which shows it is the shadow test, not the threshold, that
 * leaves the shadow out.
 */
class BackgroundSubtractionDetectorTest {

    private static final int W = 320;
    private static final int H = 240;
    private static final double FPS = 25;
    private static final double ROAD = 140;
    private static final double SPEED = 100; // px/s

    private record Shape(String name, int top, int width, int height, double startSeconds) {

        Rect at(double seconds) {
            int x = (int) Math.round(-width + (seconds - startSeconds) * SPEED);
            return new Rect(x, top, width, height);
        }

        boolean fullyInView(double seconds) {
            Rect r = at(seconds);
            return r.x() >= 10 && r.x() + r.width() <= W - 10;
        }
    }

    private static final Shape SHADOW = new Shape("shadow", 20, 60, 40, 2);
    private static final Shape BRIGHT = new Shape("bright patch", 95, 60, 40, 2);
    private static final Shape VEHICLE = new Shape("dark vehicle", 175, 50, 30, 2);

    @ParameterizedTest(name = "{0} background")
    @EnumSource(AnalysisSettings.Background.class)
    void aShadowIsLeftOutWhileDarkAndBrightThingsAreFound(AnalysisSettings.Background background) {
        AnalysisSettings d = AnalysisSettings.defaults();
        AnalysisSettings settings = new AnalysisSettings(W, d.minBlobArea(), d.backgroundSeconds(), d.varThreshold(),
                d.maxMissedSeconds(), d.confirmSeconds(), d.stillPixels(), d.stoppedSeconds(), d.wrongWayPixels(),
                d.queueSpacingM(), d.ignore(), background);
        List<String> misses = new ArrayList<>();
        int judged = 0;
        Random random = new Random(7);
        try (BackgroundSubtractionDetector detector = new BackgroundSubtractionDetector(settings, W, W, H);
             Scalar black = new Scalar(0);
             Mat texture = new Mat(H, W, opencv_core.CV_8UC1, black);
             Mat frame = new Mat()) {
            addNoise(texture, ROAD, 8, random); // asphalt that is not flat, the same in every frame
            for (int n = 0; n < 6 * FPS; n++) {
                double t = n / FPS;
                texture.copyTo(frame);
                darken(frame, SHADOW.at(t), 0.8);
                darken(frame, BRIGHT.at(t), 1.2);
                paint(frame, VEHICLE.at(t), 50);
                addNoise(frame, 0, 2, random); // the camera's own noise
                List<Detection> found = detector.detect(frame, frame, t);
                if (!SHADOW.fullyInView(t) || !BRIGHT.fullyInView(t) || !VEHICLE.fullyInView(t)) {
                    continue;
                }
                judged++;
                for (Shape s : List.of(BRIGHT, VEHICLE)) {
                    if (found.stream().noneMatch(f -> f.iou(box(s.at(t))) > 0.5)) {
                        misses.add(String.format("%.2f s: %s not found in %s", t, s.name(), found));
                    }
                }
                Detection shadow = box(SHADOW.at(t));
                found.stream().filter(f -> f.iou(shadow) > 0.1)
                        .forEach(f -> misses.add(String.format("%.2f s: the shadow was taken for %s", t, f)));
            }
        }
        assertThat(judged).as("frames with all three shapes in view").isGreaterThan(25);
        assertThat(misses).isEmpty();
    }

    /** Adds Gaussian noise of the given mean and deviation to every pixel, saturating. */
    private static void addNoise(Mat m, double mean, double deviation, Random random) {
        try (UByteIndexer ix = m.createIndexer()) {
            for (int y = 0; y < m.rows(); y++) {
                for (int x = 0; x < m.cols(); x++) {
                    double v = ix.get(y, x) + mean + random.nextGaussian() * deviation;
                    ix.put(y, x, (int) Math.max(0, Math.min(255, Math.round(v))));
                }
            }
        }
    }

    private static Detection box(Rect r) {
        return new Detection(r.x(), r.y(), r.width(), r.height());
    }

    private static void darken(Mat frame, Rect r, double factor) {
        Rect inside = clip(r);
        if (inside != null) {
            try (Mat roi = frame.apply(inside)) {
                roi.convertTo(roi, -1, factor, 0);
            }
        }
    }

    private static void paint(Mat frame, Rect r, double level) {
        Rect inside = clip(r);
        if (inside != null) {
            try (Mat roi = frame.apply(inside); Scalar s = new Scalar(level)) {
                roi.put(s);
            }
        }
    }

    private static Rect clip(Rect r) {
        int x0 = Math.max(0, r.x());
        int x1 = Math.min(W, r.x() + r.width());
        return x1 <= x0 ? null : new Rect(x0, r.y(), x1 - x0, r.height());
    }
}
