package vn.ioc.streaming.anomaly;

/** The last values of a series, by their position since the series began. */
final class History {

    private final double[] values;
    private long count;

    History(int capacity) {
        this.values = new double[capacity];
    }

    void add(double value) {
        values[(int) (count % values.length)] = value;
        count++;
    }

    int capacity() {
        return values.length;
    }

    /** Position of the newest value; -1 before the first. */
    long newest() {
        return count - 1;
    }

    long count() {
        return count;
    }

    /** The value at a position within the last {@link #capacity()} ones. */
    double at(long position) {
        return values[(int) (position % values.length)];
    }
}
