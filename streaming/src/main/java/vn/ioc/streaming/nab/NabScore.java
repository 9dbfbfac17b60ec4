package vn.ioc.streaming.nab;

/**
 * A detector's NAB score on a set of files at one threshold, under one profile: its raw score and,
 * on the same files, the raw scores of NAB's null detector (never better than staying silent) and
 * perfect detector (every window at its first row, nothing else).
 *
 * @param windows        the labelled windows of the files
 * @param detected       the windows with a detection
 * @param falsePositives the detections outside every window (rows)
 */
public record NabScore(double raw, double nullRaw, double perfectRaw, int windows, int detected, int falsePositives) {

    /** 100 · (raw − null) / (perfect − null): 0 is the null detector, 100 the perfect one; NaN without windows. */
    public double normalised() {
        double range = perfectRaw - nullRaw;
        return range == 0 ? Double.NaN : 100 * (raw - nullRaw) / range;
    }
}
