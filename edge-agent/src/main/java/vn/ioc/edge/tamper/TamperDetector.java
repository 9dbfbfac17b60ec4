package vn.ioc.edge.tamper;

import static org.bytedeco.opencv.global.opencv_core.CV_16S;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Watches one camera's picture for tampering: {@link TamperReason#BLACKOUT}, {@link TamperReason#FROZEN},
 * {@link TamperReason#BLUR} and {@link TamperReason#SCENE_CHANGE}. One condition is reported once when
 * it begins and once when it ends. Not thread-safe: one camera's frames in order.
 *
 * <p>A dark picture cannot be judged for the other three (black frames are still, plain and edgeless), so
 * while it is dark they neither start nor end; likewise a blurred picture is not judged for a scene
 * change. The sharpness baseline and scene reference learn only from frames judged normal, so a camera
 * left blurred stays reported; a moved camera's new scene is relearned at once and the condition ends.
 * Call {@link #close()} to free the native buffers early; they are also freed with the detector.
 */
public final class TamperDetector implements AutoCloseable {

    private final TamperSettings settings;
    private final ConditionTimer blackout;
    private final ConditionTimer frozen;
    private final ConditionTimer blur;
    private final ConditionTimer scene;
    private final SharpnessBaseline sharpness;
    private final SceneReference reference;
    private final StillPicture still;
    private final Mat small = new Mat();
    private final Mat laplacian = new Mat();
    private final Mat mean = new Mat();
    private final Mat deviation = new Mat();
    private double lastSeconds = Double.NaN;
    private double learningSince = Double.NaN;

    public TamperDetector() {
        this(TamperSettings.defaults());
    }

    public TamperDetector(TamperSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.blackout = new ConditionTimer(settings.blackoutStartSeconds(), settings.blackoutEndSeconds());
        this.frozen = new ConditionTimer(settings.frozenStartSeconds(), settings.frozenEndSeconds());
        this.blur = new ConditionTimer(settings.blurStartSeconds(), settings.blurEndSeconds());
        this.scene = new ConditionTimer(settings.sceneStartSeconds(), settings.sceneEndSeconds());
        this.sharpness = new SharpnessBaseline(settings.baselineSeconds());
        this.reference = new SceneReference(settings.baselineSeconds());
        this.still = new StillPicture(settings.frozenPixelTolerance(), settings.frozenMaxChangedShare());
    }

    /**
     * @param grey    the frame as 8-bit single-channel grey, at the analysis size the caller chose
     * @param seconds the frame's time, increasing; a time at or before the last frame's is taken as the
     *                clock restarting (a looping replay, a decoder's stray timestamp): conditions keep their
     *                state and any hold under way starts again
     * @return the conditions that began or ended with this frame, usually none
     * @throws IllegalArgumentException when the frame is not 8-bit grey or its time is not a number
     */
    public List<TamperChange> update(Mat grey, double seconds) {
        Objects.requireNonNull(grey, "grey");
        if (grey.empty() || grey.type() != CV_8UC1) {
            throw new IllegalArgumentException("expected a non-empty 8-bit single-channel frame but was "
                    + grey.cols() + "x" + grey.rows() + " of type " + grey.type());
        }
        if (!Double.isFinite(seconds)) {
            throw new IllegalArgumentException("expected the frame time in seconds but was " + seconds);
        }
        if (seconds <= lastSeconds) {
            restartClock(seconds);
        }
        double dt = Double.isNaN(lastSeconds) ? 0 : seconds - lastSeconds;
        lastSeconds = seconds;
        if (Double.isNaN(learningSince)) {
            learningSince = seconds;
        }
        List<TamperChange> changes = new ArrayList<>(1);

        meanStdDev(grey, mean, deviation);
        boolean dark = first(mean) <= settings.blackoutMaxMean() && first(deviation) <= settings.blackoutMaxDeviation();
        report(TamperReason.BLACKOUT, blackout.update(dark, seconds), seconds, changes);
        if (dark) {
            frozen.undecided();
            blur.undecided();
            scene.undecided();
            return changes;
        }

        shrink(grey);
        report(TamperReason.FROZEN, frozen.update(still.isStill(small), seconds), seconds, changes);

        double sharp = sharpness(grey);
        boolean judging = seconds - learningSince >= settings.warmupSeconds() && !reference.isEmpty();
        boolean blurred = judging && sharpness.isBelow(sharp, settings.blurRatio());
        if (judging) {
            report(TamperReason.BLUR, blur.update(blurred, seconds), seconds, changes);
        } else {
            blur.undecided();
        }

        boolean moved = false;
        if (judging && !blurred) {
            double match = reference.match(small);
            if (Double.isNaN(match)) {
                scene.undecided();
            } else {
                moved = match < settings.sceneMinMatch();
                ConditionTimer.Step step = scene.update(moved, seconds);
                report(TamperReason.SCENE_CHANGE, step, seconds, changes);
                if (step == ConditionTimer.Step.STARTED) {
                    relearn(seconds);
                }
            }
        } else {
            scene.undecided();
        }

        if (!blurred && !moved) {
            sharpness.learn(sharp, dt);
            reference.learn(small, dt);
        }
        return changes;
    }

    private void restartClock(double seconds) {
        for (ConditionTimer timer : List.of(blackout, frozen, blur, scene)) {
            timer.undecided();
        }
        lastSeconds = Double.NaN;
        learningSince = Math.min(learningSince, seconds);
    }

    /** The camera now looks elsewhere: what it normally sees must be learned again from this frame on. */
    private void relearn(double seconds) {
        sharpness.forget();
        reference.forget();
        learningSince = seconds;
    }

    private void shrink(Mat grey) {
        int width = Math.min(settings.analysisWidth(), grey.cols());
        int height = Math.max(1, (int) Math.round(grey.rows() * (double) width / grey.cols()));
        try (Size size = new Size(width, height)) {
            resize(grey, small, size, 0, 0, INTER_AREA);
        }
    }

    private double sharpness(Mat grey) {
        // 16-bit holds a 3×3 Laplacian of 8-bit grey exactly, at a fraction of the cost of doubles
        Laplacian(grey, laplacian, CV_16S);
        meanStdDev(laplacian, mean, deviation);
        double sd = first(deviation);
        return sd * sd;
    }

    private static double first(Mat values) {
        try (DoubleIndexer indexer = values.createIndexer()) {
            return indexer.get(0);
        }
    }

    private static void report(TamperReason reason, ConditionTimer.Step step, double seconds, List<TamperChange> into) {
        if (step != ConditionTimer.Step.NONE) {
            into.add(new TamperChange(reason, step == ConditionTimer.Step.STARTED, seconds));
        }
    }

    @Override
    public void close() {
        reference.close();
        still.close();
        small.close();
        laplacian.close();
        mean.close();
        deviation.close();
    }
}
