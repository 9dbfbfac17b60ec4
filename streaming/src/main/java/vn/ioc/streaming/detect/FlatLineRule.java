package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

import vn.ioc.ingest.contract.Incident;

/**
 * A stuck sensor: a series that normally varies has stayed within {@code tolerance} of one value
 * for {@code stuckFor}. Whether it normally varies is learned from its readings: the share of
 * consecutive readings that differ by more than the tolerance, averaged over about the last
 * {@code memory} readings, must be at least {@code minVaryingShare} after {@code minReadings}.
 * A series that is constant by nature (a closed valve, a pump that is off) never reaches that
 * share and never alarms.
 */
public record FlatLineRule(
        String id, String metric, double tolerance, Duration stuckFor,
        double minVaryingShare, int minReadings, int memory, String unit) implements Serializable {

    public FlatLineRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metric, "metric");
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("rule " + id + ": expected a tolerance of zero or more but was " + tolerance);
        }
        if (stuckFor == null || stuckFor.isNegative() || stuckFor.isZero()) {
            throw new IllegalArgumentException("rule " + id + ": expected a positive time to count as stuck but was " + stuckFor);
        }
        if (!(minVaryingShare > 0 && minVaryingShare <= 1)) {
            throw new IllegalArgumentException("rule " + id + ": expected a varying share above 0 and at most 1 but was " + minVaryingShare);
        }
        if (minReadings < 2) {
            throw new IllegalArgumentException("rule " + id + ": expected at least 2 readings to learn from but was " + minReadings);
        }
        if (memory < 1) {
            throw new IllegalArgumentException("rule " + id + ": expected a memory of at least 1 reading but was " + memory);
        }
    }

    /** Every duration divided by {@code speedup}: for recorded data replayed faster than real time. */
    public FlatLineRule compressed(double speedup) {
        return new FlatLineRule(id, metric, tolerance, Duration.ofNanos((long) (stuckFor.toNanos() / speedup)),
                minVaryingShare, minReadings, memory, unit);
    }

    public Incident.Type type() {
        return Incident.Type.ANOMALY;
    }

    /** Low: the readings are wrong, not the world they measure. */
    public Incident.Severity severity() {
        return Incident.Severity.LOW;
    }

    /** Whether a value is a real change from {@code from}. */
    boolean changed(double from, double value) {
        return Math.abs(value - from) > tolerance;
    }

    public String describe(FlatLineState s) {
        String u = unit == null ? "" : " " + unit;
        String v = s.anchor() == Math.rint(s.anchor()) ? Long.toString((long) s.anchor()) : String.format(java.util.Locale.ROOT, "%.2f", s.anchor());
        return metric + " stuck at " + v + u + " since " + java.time.Instant.ofEpochMilli(s.anchorAt());
    }
}
