package vn.ioc.edge.analytics;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import vn.ioc.edge.tamper.TamperChange;
import vn.ioc.edge.tamper.TamperDetector;
import vn.ioc.ingest.contract.CameraEvent;

/**
 * The analytics of one camera: give it the frames in order, it returns the interval statistics and the
 * events (START and END) as they happen. The frame is turned once into a small grey copy that the
 * detector, the tamper detector and the image-health meter share; everything else is plain Java on
 * the tracks. Not thread-safe; {@link #close()} frees the native buffers.
 */
public final class CameraAnalytics implements AutoCloseable {

    private final CameraConfig config;
    private final int frameWidth;
    private final int frameHeight;
    private final int analysisWidth;
    private final int analysisHeight;
    private final ObjectDetector detector;
    private final TamperDetector tamper = new TamperDetector();
    /**
     * Tampering is judged over seconds (holds of 2 to 10 s), so a look every 0.4 s is enough (five
     * looks within the shortest hold); on every frame its edge matching alone cost a sixth of the analysis.
     */
    private static final double TAMPER_EVERY_SECONDS = 0.4;
    private double nextTamperSeconds = Double.NEGATIVE_INFINITY;
    private final Tracker tracker;
    private final TrafficStatistics statistics;
    private final ImageHealthMeter health = new ImageHealthMeter();
    private final StallWatch stalls;
    private final WrongWayWatch wrongWay;
    private final IntrusionWatch intrusions;
    private final Mat greyFull = new Mat();
    private final Mat grey = new Mat();
    private final Size analysisSize;
    private double intervalStart = Double.NaN;
    private double firstSeconds = Double.NaN;
    private double lastSeconds = Double.NaN;
    private long frames;
    private int framesInInterval;

    /** With the background-subtraction detector. */
    public CameraAnalytics(CameraConfig config, int frameWidth, int frameHeight) {
        this(config, frameWidth, frameHeight, null);
    }

    /** @param detector the detector to use, or null for background subtraction; closed with this */
    public CameraAnalytics(CameraConfig config, int frameWidth, int frameHeight, ObjectDetector detector) {
        if (frameWidth < 16 || frameHeight < 16) {
            throw new IllegalArgumentException("expected a frame of at least 16×16 pixels but was " + frameWidth + "×" + frameHeight);
        }
        this.config = config;
        this.frameWidth = frameWidth;
        this.frameHeight = frameHeight;
        this.analysisWidth = Math.min(config.analysis().width(), frameWidth);
        this.analysisHeight = Math.max(1, (int) Math.round((double) frameHeight * analysisWidth / frameWidth));
        this.analysisSize = new Size(analysisWidth, analysisHeight);
        this.detector = detector != null ? detector
                : new BackgroundSubtractionDetector(config.analysis(), frameWidth, analysisWidth, analysisHeight);
        AnalysisSettings s = config.analysis();
        this.tracker = new Tracker(s.maxMissedSeconds(), s.confirmSeconds(), s.stillPixels());
        this.statistics = new TrafficStatistics(config);
        this.stalls = new StallWatch(config.zones());
        this.wrongWay = new WrongWayWatch(config.lanes(), s.wrongWayPixels());
        this.intrusions = new IntrusionWatch(config.zones());
    }

    public CameraConfig config() {
        return config;
    }

    /** The size of the grey copy that is analysed. */
    public int analysisWidth() {
        return analysisWidth;
    }

    public int analysisHeight() {
        return analysisHeight;
    }

    /** The live tracks after the last frame (for display and inspection). */
    public List<Track> tracks() {
        return List.copyOf(tracker.tracks());
    }

    /**
     * Analyses the next frame.
     *
     * @param bgr     8-bit BGR (or grey) of the size given at construction; left unchanged
     * @param seconds the frame's video time, increasing from frame to frame
     * @return the statistics of an interval that ended before this frame and the events this frame
     *         caused, in that order; usually nothing
     */
    public List<AnalyticsOutput> process(Mat bgr, double seconds) {
        if (bgr.cols() != frameWidth || bgr.rows() != frameHeight) {
            throw new IllegalArgumentException("expected a " + frameWidth + "×" + frameHeight + " frame but was "
                    + bgr.cols() + "×" + bgr.rows());
        }
        if (!Double.isFinite(seconds) || seconds <= lastSeconds) {
            throw new IllegalArgumentException("expected a frame time after " + lastSeconds + " s but was " + seconds);
        }
        List<AnalyticsOutput> out = new ArrayList<>();
        double interval = config.statsIntervalSeconds();
        if (Double.isNaN(intervalStart)) {
            intervalStart = Math.floor(seconds / interval) * interval;
            firstSeconds = seconds;
        } else if (seconds >= intervalStart + interval) {
            out.add(takeStats(intervalStart + interval, false));
            // A gap in the video (a lost stream) skips the intervals that had no frames.
            intervalStart += Math.floor((seconds - intervalStart) / interval) * interval;
        }
        lastSeconds = seconds;
        frames++;
        framesInInterval++;

        toGrey(bgr);
        if (seconds >= nextTamperSeconds) {
            nextTamperSeconds = seconds + TAMPER_EVERY_SECONDS;
            for (TamperChange c : tamper.update(grey, seconds)) {
                out.add(new AnalyticsEvent(seconds, CameraEvent.Type.CAMERA_TAMPER, c.started(), null, null, c.reason().name()));
            }
        }
        health.frame(grey, seconds);
        tracker.update(detector.detect(bgr, grey, seconds), seconds);

        List<Track> confirmed = new ArrayList<>();
        for (Track t : tracker.tracks()) {
            for (CountingLine line : config.lines()) {
                line.crossing(t.previousAnchor(), t.anchor()).ifPresent(direction -> t.crossed(line.id(), direction));
            }
            if (tracker.confirmed(t)) {
                confirmed.add(t);
                for (String[] c : t.takeCrossings()) {
                    statistics.crossed(c[0], c[1]);
                }
            }
        }
        statistics.frame(confirmed, seconds);
        stalls.update(confirmed, tracker.ended(), seconds, out);
        wrongWay.update(confirmed, tracker.ended(), seconds, out);
        intrusions.update(confirmed, seconds, out);
        return out;
    }

    /**
     * The statistics of the interval under way, marked partial, for when the video ends; nothing if no
     * frame came since the last interval. Conditions still under way stay open: the video ended, they did not.
     */
    public List<AnalyticsOutput> finish() {
        if (framesInInterval == 0) {
            return List.of();
        }
        double frameTime = frames > 1 ? (lastSeconds - firstSeconds) / (frames - 1) : config.statsIntervalSeconds();
        double end = Math.min(intervalStart + config.statsIntervalSeconds(), lastSeconds + frameTime);
        List<AnalyticsOutput> out = List.of(takeStats(end, true));
        intervalStart = end;
        return out;
    }

    private IntervalStats takeStats(double end, boolean partial) {
        IntervalStats.Health h = health.take(end - intervalStart);
        framesInInterval = 0;
        return statistics.take(intervalStart, end, partial, h);
    }

    private void toGrey(Mat bgr) {
        Mat full = bgr;
        if (bgr.channels() == 3) {
            opencv_imgproc.cvtColor(bgr, greyFull, opencv_imgproc.COLOR_BGR2GRAY);
            full = greyFull;
        } else if (bgr.channels() != 1) {
            throw new IllegalArgumentException("expected a BGR or grey frame but it has " + bgr.channels() + " channels");
        }
        if (analysisWidth == frameWidth) {
            full.copyTo(grey);
        } else {
            opencv_imgproc.resize(full, grey, analysisSize, 0, 0, opencv_imgproc.INTER_AREA);
        }
    }

    @Override
    public void close() {
        detector.close();
        health.close();
        greyFull.close();
        grey.close();
        analysisSize.close();
    }
}
