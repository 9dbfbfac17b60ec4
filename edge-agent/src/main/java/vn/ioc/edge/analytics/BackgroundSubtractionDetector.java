package vn.ioc.edge.analytics;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.global.opencv_video;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_video.BackgroundSubtractorMOG2;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Finds moving things against a learned background on the small grey copy: a running average and a
 * difference threshold or, at several times the cost, a Gaussian mixture per pixel (OpenCV MOG2), which
 * also follows a background that flickers between states (leaves, water); light shadows are dropped
 * with either; specks are removed by an opening, broken blobs joined by a closing, and
 * each connected blob large enough becomes a detection. All buffers are allocated once.
 */
public final class BackgroundSubtractionDetector implements ObjectDetector {

    private static final double DEFAULT_FPS = 25;
    /** MOG2 marks shadows 127 and foreground 255. */
    private static final double FOREGROUND = 200;
    /**
     * The share of a pixel's history the background must explain. Lower than OpenCV's 0.9 so a vehicle
     * that stops stays foreground for about half of the background memory rather than a tenth of it.
     */
    private static final double BACKGROUND_RATIO = 0.6;
    /**
     * A pixel at least this share of the background's brightness may be a shadow (OpenCV: 0.5). On a
     * grey picture every darker object would pass OpenCV's test, so only light shadows are taken for
     * shadows and dark vehicles and clothes stay foreground.
     */
    private static final double SHADOW_RATIO = 0.75;

    private final AnalysisSettings settings;
    private final double scale;
    private final double minArea;
    private final BackgroundSubtractorMOG2 model;
    /** The running average, when {@link AnalysisSettings.Background#AVERAGE} is chosen. */
    private final Mat average;
    private final Mat average8 = new Mat();
    private final Mat still = new Mat();
    private final Mat changed = new Mat();
    private final Mat shadeFloor = new Mat();
    private final Mat shadow = new Mat();
    private final Mat darker = new Mat();
    /**
     * A running average's foreground: at least this far from the background, in grey levels. MOG2's
     * {@code varThreshold} is a squared distance in standard deviations; with the grey noise of a
     * compressed street camera (about 4 levels) the default 25 means 5 × 4 = 20 levels.
     */
    private static final double NOISE_LEVELS = 4;
    /** How many background memories the brightness reference takes to follow a lasting change. */
    private static final double REFERENCE_MEMORIES = 5;

    private final Mat levelled = new Mat();
    private final Mat foreground = new Mat();
    private final Mat labels = new Mat();
    private final Mat stats = new Mat();
    private final Mat centroids = new Mat();
    private final Mat openKernel;
    private final Mat closeKernel;
    private final Mat analysedArea;
    private double firstSeconds = Double.NaN;
    private double lastSeconds = Double.NaN;
    private double reference = Double.NaN;
    private boolean historySet;

    /**
     * @param sourceWidth    the width of the frames given to {@link #detect}
     * @param analysisWidth  the width of the grey copies given to {@link #detect}
     * @param analysisHeight their height
     */
    public BackgroundSubtractionDetector(AnalysisSettings settings, int sourceWidth, int analysisWidth, int analysisHeight) {
        this.settings = settings;
        this.scale = (double) analysisWidth / sourceWidth;
        this.minArea = settings.minBlobArea() * scale * scale;
        if (settings.background() == AnalysisSettings.Background.MIXTURE) {
            this.model = opencv_video.createBackgroundSubtractorMOG2(history(DEFAULT_FPS), settings.varThreshold(), true);
            model.setBackgroundRatio(BACKGROUND_RATIO);
            model.setShadowThreshold(SHADOW_RATIO);
            // three Gaussians per pixel instead of five: a road pixel is asphalt, a passing vehicle or a
            // shadow; the model costs a third less
            model.setNMixtures(3);
            this.average = null;
        } else {
            this.model = null;
            this.average = new Mat();
        }
        int closeSize = Math.max(3, (analysisWidth / 64) | 1);
        this.openKernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, new Size(3, 3));
        this.closeKernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, new Size(closeSize, closeSize));
        this.analysedArea = settings.ignore().isEmpty() ? null : analysedArea(settings.ignore(), analysisWidth, analysisHeight, scale);
    }

    /**
     * Foreground = far from the running average, less shadows: pixels darker than the background but no
     * darker than {@link #SHADOW_RATIO} of it, the test MOG2 applies to a grey picture. Then the average
     * moves towards this frame: the unchanged part at the full rate, what changed (shadows included, so a
     * passing shadow does not darken the road) four times slower, so passing traffic does not smear into
     * the background while a vehicle that stops still fades into it after about half of the memory.
     */
    private void subtractAverage(double dt) {
        if (average.empty()) {
            levelled.convertTo(average, opencv_core.CV_32F);
        }
        average.convertTo(average8, opencv_core.CV_8U);
        opencv_core.absdiff(levelled, average8, changed);
        double threshold = Math.sqrt(settings.varThreshold()) * NOISE_LEVELS;
        opencv_imgproc.threshold(changed, changed, threshold, 255, opencv_imgproc.THRESH_BINARY);
        average.convertTo(shadeFloor, opencv_core.CV_8U, SHADOW_RATIO, 0);
        opencv_core.compare(levelled, shadeFloor, shadow, opencv_core.CMP_GE);
        opencv_core.compare(levelled, average8, darker, opencv_core.CMP_LT);
        opencv_core.bitwise_and(shadow, darker, shadow);
        opencv_core.subtract(changed, shadow, foreground); // saturates: a shadow pixel becomes 0
        double rate = Math.min(1, 2 * dt / settings.backgroundSeconds());
        if (rate > 0) {
            opencv_core.bitwise_not(changed, still);
            opencv_imgproc.accumulateWeighted(levelled, average, Math.min(1, rate * 4), still);
            opencv_imgproc.accumulateWeighted(levelled, average, rate / 2, changed);
        }
    }

    private int history(double fps) {
        return (int) Math.max(10, Math.round(settings.backgroundSeconds() * fps));
    }

    @Override
    public List<Detection> detect(Mat bgr, Mat grey, double seconds) {
        if (Double.isNaN(firstSeconds)) {
            firstSeconds = seconds;
        } else if (!historySet && seconds > firstSeconds) {
            // The second frame tells the frame rate, and so how many frames the background memory spans.
            if (model != null) {
                model.setHistory(history(1 / (seconds - firstSeconds)));
            }
            historySet = true;
        }
        double dt = Double.isNaN(lastSeconds) ? 0 : Math.max(0, seconds - lastSeconds);
        levelBrightness(grey, seconds);
        if (model != null) {
            model.apply(levelled, foreground);
            opencv_imgproc.threshold(foreground, foreground, FOREGROUND, 255, opencv_imgproc.THRESH_BINARY);
        } else {
            subtractAverage(dt);
        }
        if (analysedArea != null) {
            opencv_core.bitwise_and(foreground, analysedArea, foreground);
        }
        opencv_imgproc.morphologyEx(foreground, foreground, opencv_imgproc.MORPH_OPEN, openKernel);
        opencv_imgproc.morphologyEx(foreground, foreground, opencv_imgproc.MORPH_CLOSE, closeKernel);
        // Only the part of the mask that has foreground is labelled (moving things are a few per cent of
        // a road picture), with block-based labelling (BBDT): with the blob statistics it takes half the
        // time of OpenCV's default here.
        List<Detection> out = new ArrayList<>();
        try (Rect busy = opencv_imgproc.boundingRect(foreground)) {
            if (busy.width() == 0 || busy.height() == 0) {
                return out;
            }
            int n;
            try (Mat part = foreground.apply(busy)) {
                n = opencv_imgproc.connectedComponentsWithStatsWithAlgorithm(part, labels, stats, centroids, 8,
                        opencv_core.CV_32S, opencv_imgproc.CCL_BBDT);
            }
            try (IntIndexer s = stats.createIndexer()) {
                for (int i = 1; i < n; i++) { // 0 is the background
                    if (s.get(i, opencv_imgproc.CC_STAT_AREA) < minArea) {
                        continue;
                    }
                    out.add(new Detection(
                            (busy.x() + s.get(i, opencv_imgproc.CC_STAT_LEFT)) / scale,
                            (busy.y() + s.get(i, opencv_imgproc.CC_STAT_TOP)) / scale,
                            s.get(i, opencv_imgproc.CC_STAT_WIDTH) / scale, s.get(i, opencv_imgproc.CC_STAT_HEIGHT) / scale));
                }
            }
        }
        return out;
    }

    /**
     * Cameras change their exposure and clouds pass: the whole picture brightens or darkens by a fifth
     * within a second or two, which the background model would take for motion everywhere. Each frame
     * is scaled so its mean brightness stays at a reference that follows lasting changes only slowly.
     */
    private void levelBrightness(Mat grey, double seconds) {
        double mean;
        try (org.bytedeco.opencv.opencv_core.Scalar m = analysedArea == null ? opencv_core.mean(grey) : opencv_core.mean(grey, analysedArea)) {
            mean = m.get(0);
        }
        if (Double.isNaN(reference)) {
            reference = mean;
        } else {
            double dt = Math.max(0, seconds - lastSeconds);
            reference += (mean - reference) * Math.min(1, dt / (REFERENCE_MEMORIES * settings.backgroundSeconds()));
        }
        lastSeconds = seconds;
        grey.convertTo(levelled, -1, mean > 1 ? reference / mean : 1, 0);
    }

    /** The last foreground mask (analysis size), for looking at what the model sees. */
    public Mat foreground() {
        return foreground;
    }

    /** 255 where motion is analysed, 0 in the ignored areas; pixel centres tested against the polygons. */
    private static Mat analysedArea(List<Polygon> ignore, int w, int h, double scale) {
        GeometryFactory f = new GeometryFactory();
        List<PreparedGeometry> areas = ignore.stream().map(PreparedGeometryFactory::prepare).toList();
        Mat mask = new Mat(h, w, opencv_core.CV_8UC1);
        try (UByteIndexer ix = mask.createIndexer()) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    var p = f.createPoint(new Coordinate((x + 0.5) / scale, (y + 0.5) / scale));
                    boolean ignored = false;
                    for (PreparedGeometry a : areas) {
                        if (a.contains(p)) {
                            ignored = true;
                            break;
                        }
                    }
                    ix.put(y, x, ignored ? 0 : 255);
                }
            }
        }
        return mask;
    }

    @Override
    public void close() {
        if (model != null) {
            model.close();
        }
        if (average != null) {
            average.close();
        }
        average8.close();
        still.close();
        changed.close();
        shadeFloor.close();
        shadow.close();
        darker.close();
        levelled.close();
        foreground.close();
        labels.close();
        stats.close();
        centroids.close();
        openKernel.close();
        closeKernel.close();
        if (analysedArea != null) {
            analysedArea.close();
        }
    }
}
