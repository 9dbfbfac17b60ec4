package vn.ioc.streaming.anomaly;

/**
 * How new the latest stretch of a series is: the Euclidean distance (per point) from its last
 * {@code length} values to the nearest earlier stretch of the same length in the history, not
 * overlapping it. A value the series never took, a shape it never drew, or a daily pattern that
 * does not come are far from everything seen; what the series keeps doing is near something.
 *
 * <p>The dot products with every earlier stretch are updated from the previous ones (the sliding
 * dot product of the matrix profile), so a new value costs one pass over the history, not
 * {@code length} passes; they are recomputed once per history length so rounding cannot build up.
 */
final class SubsequenceNovelty {

    private final int length;
    private final History history;
    /** dot product of the newest stretch with the stretch ending at each position, by ring slot */
    private final double[] dot;
    /** sum of squares of the stretch ending at each position, by ring slot */
    private final double[] squares;
    private long computedAt = -1;
    private long refreshedAt;

    SubsequenceNovelty(int length, History history) {
        this.length = length;
        this.history = history;
        this.dot = new double[history.capacity()];
        this.squares = new double[history.capacity()];
    }

    int length() {
        return length;
    }

    /**
     * The distance once the history took its newest value, or NaN while fewer than two
     * non-overlapping stretches exist.
     */
    double update() {
        long t = history.newest();
        int cap = history.capacity();
        if (t < length - 1) {
            return Double.NaN;
        }
        boolean refresh = computedAt != t - 1 || t - refreshedAt >= cap;
        squares[(int) (t % cap)] = refresh || t == length - 1 ? directSquares(t)
                : squares[(int) ((t - 1) % cap)] + sq(history.at(t)) - sq(history.at(t - length));
        long last = t - length; // the newest stretch that does not overlap the current one
        long first = Math.max(length - 1, t - cap + length + 1);
        if (last < first) {
            return Double.NaN;
        }
        if (refresh) {
            refreshedAt = t;
        }
        double xt = history.at(t);
        double xOld = history.at(t - length);
        double ssT = squares[(int) (t % cap)];
        double best = Double.POSITIVE_INFINITY;
        long nearest = -1;
        for (long j = last; j >= first; j--) {
            int slot = (int) (j % cap);
            double d = refresh || j == length - 1 || computedAt < 0
                    ? direct(t, j)
                    : dot[(int) ((j - 1) % cap)] + xt * history.at(j) - xOld * history.at(j - length);
            dot[slot] = d;
            double squared = ssT + squares[slot] - 2 * d;
            if (squared < best) {
                best = squared;
                nearest = j;
            }
        }
        computedAt = t;
        // The sums carried along differ from fresh ones by rounding, and for a near match that rounding is
        // most of the result: the nearest stretch's distance is computed exactly, so it does not depend on
        // how long the sums were carried (a detector restored from a checkpoint scores as the original).
        return Math.sqrt(exactSquaredDistance(t, nearest) / length);
    }

    /**
     * After the history was read back: the sums of squares of every stretch it holds are computed
     * again, and the next update computes its dot products directly.
     */
    void rebuild() {
        long t = history.newest();
        int cap = history.capacity();
        for (long j = Math.max(length - 1, t - cap + length); j <= t; j++) {
            squares[(int) (j % cap)] = directSquares(j);
        }
        computedAt = -1;
        refreshedAt = t;
    }

    private static double sq(double v) {
        return v * v;
    }

    private double directSquares(long t) {
        double s = 0;
        for (int k = 0; k < length; k++) {
            s += sq(history.at(t - k));
        }
        return s;
    }

    private double exactSquaredDistance(long t, long j) {
        double s = 0;
        for (int k = 0; k < length; k++) {
            double e = history.at(t - k) - history.at(j - k);
            s += e * e;
        }
        return s;
    }

    private double direct(long t, long j) {
        double s = 0;
        for (int k = 0; k < length; k++) {
            s += history.at(t - k) * history.at(j - k);
        }
        return s;
    }
}
