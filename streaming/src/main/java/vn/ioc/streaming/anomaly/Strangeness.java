package vn.ioc.streaming.anomaly;

/**
 * How unusual a measure is among the series' own recent measures, as a tail probability: the share
 * of recent measures at least as large, and beyond the 99th percentile a tail that keeps falling as
 * the measure exceeds it by more of the body's spread. Being relative to the series itself, one
 * threshold means the same for every series whatever its units and noise.
 */
final class Strangeness {

    /** Where the empirical share gives way to the extrapolated tail. */
    private static final double BODY = 0.99;

    private final double[] recent;
    private final double[] sorted;
    private final int minimum;
    private long count;

    /**
     * @param capacity how many recent measures are kept
     * @param minimum  how many must be known before anything is judged
     */
    Strangeness(int capacity, int minimum) {
        this.recent = new double[capacity];
        this.sorted = new double[capacity];
        this.minimum = minimum;
    }

    /**
     * The tail probability of {@code measure}, in (0, 1]; 1 (nothing unusual) until enough measures
     * are known. The measure then joins the recent ones.
     */
    double tailProbability(double measure) {
        int n = (int) Math.min(count, recent.length);
        double p = n >= minimum ? judge(measure, n) : 1;
        // keep the recent measures sorted: the oldest leaves, the new one goes in its place
        if (n == recent.length) {
            int old = lowerBound(sorted, n, recent[(int) (count % recent.length)]);
            System.arraycopy(sorted, old + 1, sorted, old, n - old - 1);
            n--;
        }
        int at = lowerBound(sorted, n, measure);
        System.arraycopy(sorted, at, sorted, at + 1, n - at);
        sorted[at] = measure;
        recent[(int) (count % recent.length)] = measure;
        count++;
        return p;
    }

    /** Writes the recent measures, oldest first, and how many came in all. */
    void writeTo(java.io.DataOutput out) throws java.io.IOException {
        out.writeLong(count);
        for (long i = Math.max(0, count - recent.length); i < count; i++) {
            out.writeDouble(recent[(int) (i % recent.length)]);
        }
    }

    /** Reads what {@link #writeTo} wrote into this empty instance of the same capacity; sorts again. */
    void readFrom(java.io.DataInput in) throws java.io.IOException {
        long total = in.readLong();
        if (total < 0) {
            throw new java.io.IOException("expected a measure count of zero or more but was " + total);
        }
        count = total;
        int n = (int) Math.min(total, recent.length);
        for (long i = total - n; i < total; i++) {
            recent[(int) (i % recent.length)] = in.readDouble();
        }
        for (int i = 0; i < n; i++) {
            sorted[i] = recent[i];
        }
        java.util.Arrays.sort(sorted, 0, n);
    }

    private double judge(double measure, int n) {
        double median = sorted[n / 2];
        double high = sorted[Math.min(n - 1, (int) (n * BODY))];
        if (measure <= high) {
            return 1 - BODY * lowerBound(sorted, n, measure) / n;
        }
        double spread = Math.max(high - median, 1e-12 * Math.max(1, Math.abs(high)));
        return (1 - BODY) * Math.exp(-(measure - high) / spread);
    }

    private static int lowerBound(double[] a, int n, double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
