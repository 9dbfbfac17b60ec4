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

    /** Writes the values still held, oldest first, and how many came in all. */
    void writeTo(java.io.DataOutput out) throws java.io.IOException {
        out.writeLong(count);
        for (long p = Math.max(0, count - values.length); p < count; p++) {
            out.writeDouble(at(p));
        }
    }

    /** Reads what {@link #writeTo} wrote into this empty history of the same capacity. */
    void readFrom(java.io.DataInput in) throws java.io.IOException {
        long total = in.readLong();
        if (total < 0) {
            throw new java.io.IOException("expected a value count of zero or more but was " + total);
        }
        count = total;
        for (long p = Math.max(0, total - values.length); p < total; p++) {
            values[(int) (p % values.length)] = in.readDouble();
        }
    }

    /** The value at a position within the last {@link #capacity()} ones. */
    double at(long position) {
        return values[(int) (position % values.length)];
    }
}
