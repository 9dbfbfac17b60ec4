package vn.ioc.streaming.anomaly;

/**
 * An online anomaly score for one numeric series: each value is seen once, in time order, and gets
 * a score in [0, 1] at once; memory is bounded. One instance per series; not thread-safe.
 *
 * <p>First version: how far the value is from an exponentially weighted mean, in exponentially
 * weighted standard deviations, squashed into [0, 1].
 */
public final class AnomalyDetector {

    private static final double ALPHA = 0.01;
    private double mean = Double.NaN;
    private double variance;
    private long seen;

    /**
     * @param epochMillis the value's time
     * @param value       the value; NaN or infinite values score 0 and are not learned
     * @return the anomaly score in [0, 1]
     */
    public double score(long epochMillis, double value) {
        if (!Double.isFinite(value)) {
            return 0;
        }
        seen++;
        if (Double.isNaN(mean)) {
            mean = value;
            return 0;
        }
        double deviation = value - mean;
        double sd = Math.sqrt(variance);
        double z = sd > 0 ? Math.abs(deviation) / sd : 0;
        mean += ALPHA * deviation;
        variance = (1 - ALPHA) * (variance + ALPHA * deviation * deviation);
        return seen < 10 ? 0 : 1 - Math.exp(-z * z / 18);
    }
}
