package vn.ioc.edge.tamper;

/**
 * Thresholds and hold times of the {@link TamperDetector}. Times are in seconds of the caller's
 * clock, so they mean the same at any frame rate. Each condition starts once it has lasted its
 * {@code …StartSeconds} and ends once it has been gone for its {@code …EndSeconds}.
 *
 * @param analysisWidth          frames are shrunk (by area averaging, which also evens out encoder
 *                               noise) to this width for the frozen and scene comparisons
 * @param blackoutMaxMean        a picture darker than this mean grey level (0–255) …
 * @param blackoutMaxDeviation   … and more uniform than this standard deviation is blacked out; a
 *                               night street has lamps and headlights, so it stays above it
 * @param frozenPixelTolerance   a pixel of the shrunk picture has changed when it differs by more
 *                               than this many grey levels
 * @param frozenMaxChangedShare  the picture has not changed while less than this share of its pixels
 *                               changed since the picture last moved
 * @param blurRatio              blurred when the sharpness (variance of the Laplacian) falls below this
 *                               share of the camera's learned baseline
 * @param baselineSeconds        time constant of the slowly learned sharpness baseline and scene
 *                               reference; long enough that a queue of trucks does not become the scene
 * @param sceneMinMatch          the scene changed when fewer than this share of the reference's edges
 *                               are found (within a pixel) in the current picture
 * @param warmupSeconds          after the first frame and after relearning a moved camera's scene, blur
 *                               and scene change are not judged for this long
 */
public record TamperSettings(
        int analysisWidth,
        double blackoutMaxMean, double blackoutMaxDeviation, double blackoutStartSeconds, double blackoutEndSeconds,
        double frozenPixelTolerance, double frozenMaxChangedShare, double frozenStartSeconds, double frozenEndSeconds,
        double blurRatio, double blurStartSeconds, double blurEndSeconds,
        double sceneMinMatch, double sceneStartSeconds, double sceneEndSeconds,
        double baselineSeconds, double warmupSeconds) {

    /**
     * Blackout: mean below 25 and deviation below 12 for 2 s, over after 2 s. Frozen: under 0.05 % of
     * pixels changing by more than 6 levels for 10 s, over after 1 s. Blur: sharpness under 30 % of the
     * baseline for 4 s, over after 3 s. Scene change: under 60 % of the reference edges found for 4 s,
     * over once the new scene is learned (2 s). Baseline time constant 120 s, warm-up 5 s, analysis 160 px.
     */
    public static TamperSettings defaults() {
        return new TamperSettings(160,
                25, 12, 2, 2,
                6, 0.0005, 10, 1,
                0.3, 4, 3,
                0.6, 4, 2,
                120, 5);
    }

    public TamperSettings {
        if (analysisWidth < 32) {
            throw new IllegalArgumentException("expected analysisWidth of at least 32 px but was " + analysisWidth);
        }
        requireShare("frozenMaxChangedShare", frozenMaxChangedShare);
        requireShare("blurRatio", blurRatio);
        requireShare("sceneMinMatch", sceneMinMatch);
        requireNonNegative("blackoutMaxMean", blackoutMaxMean);
        requireNonNegative("blackoutMaxDeviation", blackoutMaxDeviation);
        requireNonNegative("frozenPixelTolerance", frozenPixelTolerance);
        requireNonNegative("blackoutStartSeconds", blackoutStartSeconds);
        requireNonNegative("blackoutEndSeconds", blackoutEndSeconds);
        requireNonNegative("frozenStartSeconds", frozenStartSeconds);
        requireNonNegative("frozenEndSeconds", frozenEndSeconds);
        requireNonNegative("blurStartSeconds", blurStartSeconds);
        requireNonNegative("blurEndSeconds", blurEndSeconds);
        requireNonNegative("sceneStartSeconds", sceneStartSeconds);
        requireNonNegative("sceneEndSeconds", sceneEndSeconds);
        requireNonNegative("warmupSeconds", warmupSeconds);
        if (!(baselineSeconds > 0)) {
            throw new IllegalArgumentException("expected baselineSeconds above 0 but was " + baselineSeconds);
        }
    }

    private static void requireShare(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException("expected " + name + " between 0 and 1 but was " + value);
        }
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("expected " + name + " of 0 or more but was " + value);
        }
    }
}
