package vn.ioc.edge.tamper;

/** Weight of a new sample in a running average over time, whatever the frame rate. */
final class LearningRate {

    private LearningRate() {
    }

    /**
     * An exponential average with time constant {@code timeConstant}, except while less than that has
     * been learned: then the cumulative mean, so the first seconds count fully rather than fading in.
     */
    static double of(double dt, double learnedSeconds, double timeConstant) {
        double exponential = 1 - Math.exp(-dt / timeConstant);
        double cumulative = learnedSeconds > 0 ? dt / learnedSeconds : 1;
        return Math.min(1, Math.max(exponential, cumulative));
    }
}
