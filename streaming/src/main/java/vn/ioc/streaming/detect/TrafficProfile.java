package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The usual value of one road measure (speed or occupancy) per time-of-day slot and day type:
 * an exponentially weighted mean and spread per slot, and how many readings each slot has seen.
 * Memory is fixed: two day types (weekday, weekend) times the slots of a day. Immutable: an
 * update returns a new profile, so it can live in a detector's state.
 */
public final class TrafficProfile implements Serializable {

    private final double[] mean;
    private final double[] variance;
    private final int[] seen;

    private TrafficProfile(double[] mean, double[] variance, int[] seen) {
        this.mean = mean;
        this.variance = variance;
        this.seen = seen;
    }

    /** An empty profile of {@code slots} slots in all (both day types). */
    public static TrafficProfile empty(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("expected at least one slot but was " + slots);
        }
        return new TrafficProfile(new double[slots], new double[slots], new int[slots]);
    }

    public int slots() {
        return mean.length;
    }

    public double mean(int slot) {
        return mean[slot];
    }

    public double spread(int slot) {
        return Math.sqrt(variance[slot]);
    }

    public int seen(int slot) {
        return seen[slot];
    }

    /**
     * The profile with {@code value} learned in {@code slot}. The weight is 1/n for the first
     * readings (a plain mean, so the first one does not dominate) and {@code alpha} after.
     */
    public TrafficProfile with(int slot, double value, double alpha) {
        double[] m = mean.clone();
        double[] v = variance.clone();
        int[] n = seen.clone();
        n[slot] = Math.min(n[slot] + 1, Integer.MAX_VALUE - 1);
        double w = Math.max(alpha, 1.0 / n[slot]);
        double delta = value - m[slot];
        m[slot] += w * delta;
        // the exponentially weighted variance (West 1979): zero after the first reading
        v[slot] = (1 - w) * (v[slot] + w * delta * delta);
        return new TrafficProfile(m, v, n);
    }

    /** Writes the slots' means, variances and counts, for the stream job's state. */
    public void writeTo(java.io.DataOutput out) throws java.io.IOException {
        out.writeInt(mean.length);
        for (int i = 0; i < mean.length; i++) {
            out.writeDouble(mean[i]);
            out.writeDouble(variance[i]);
            out.writeInt(seen[i]);
        }
    }

    public static TrafficProfile readFrom(java.io.DataInput in) throws java.io.IOException {
        int slots = in.readInt();
        if (slots < 1 || slots > 100_000) {
            throw new java.io.IOException("expected a traffic profile of 1 to 100000 slots but it has " + slots);
        }
        TrafficProfile p = empty(slots);
        for (int i = 0; i < slots; i++) {
            p.mean[i] = in.readDouble();
            p.variance[i] = in.readDouble();
            p.seen[i] = in.readInt();
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrafficProfile p && Arrays.equals(mean, p.mean) && Arrays.equals(variance, p.variance) && Arrays.equals(seen, p.seen);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(mean) + Arrays.hashCode(variance)) + Arrays.hashCode(seen);
    }
}
