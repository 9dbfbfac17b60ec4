package vn.ioc.streaming.nab;

/**
 * A detector's scores for one data file: the file's key ({@code "realTraffic/speed_6005.csv"}),
 * its rows' timestamps (epoch milliseconds, UTC) and one anomaly score in [0, 1] per row, in the
 * file's row order. The arrays are not copied: do not change them afterwards.
 */
public record NabSeries(String file, long[] timestamps, double[] scores) {

    public NabSeries {
        if (file == null || file.indexOf('/') <= 0) {
            throw new IllegalArgumentException("expected a file key like 'realTraffic/speed_6005.csv' but was " + file);
        }
        if (timestamps.length != scores.length) {
            throw new IllegalArgumentException(file + ": expected one score per timestamp but got "
                    + scores.length + " scores for " + timestamps.length + " timestamps");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!(scores[i] >= 0 && scores[i] <= 1)) {
                throw new IllegalArgumentException(file + ", row " + (i + 1) + ": expected an anomaly score in [0, 1] but was " + scores[i]);
            }
            scores[i] += 0.0; // -0.0 becomes 0.0: equal scores must sort as equal
        }
    }

    /** The category: the folder part of the key. */
    public String category() {
        return NabCorpus.category(file);
    }
}
