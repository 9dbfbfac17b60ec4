package vn.ioc.edge.tamper;

/**
 * The camera's usual sharpness, learned slowly from frames judged normal. Averaged in the log domain,
 * since traffic multiplies the Laplacian's variance rather than adding to it. Early on (less than one
 * time constant learned) it is the plain mean of what was seen, so it is usable after a few seconds.
 */
final class SharpnessBaseline {

    private final double timeConstant;
    private double logMean = Double.NaN;
    private double learnedSeconds;

    SharpnessBaseline(double timeConstant) {
        this.timeConstant = timeConstant;
    }

    void learn(double sharpness, double dt) {
        double value = Math.log(sharpness + 1e-6);
        if (Double.isNaN(logMean)) {
            logMean = value;
            return;
        }
        learnedSeconds += dt;
        logMean += LearningRate.of(dt, learnedSeconds, timeConstant) * (value - logMean);
    }

    boolean isBelow(double sharpness, double ratio) {
        return !Double.isNaN(logMean) && Math.log(sharpness + 1e-6) < logMean + Math.log(ratio);
    }

    void forget() {
        logMean = Double.NaN;
        learnedSeconds = 0;
    }
}
