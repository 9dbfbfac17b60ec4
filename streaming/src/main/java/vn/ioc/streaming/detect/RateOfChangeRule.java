package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

import vn.ioc.ingest.contract.Incident;

/**
 * A series changing faster than {@code rate} units per hour, measured over {@code window}: a
 * river rising, a tank draining. The condition starts when the rate has been beyond {@code rate}
 * for {@code minDuration} and ends when it has been at or under {@code clearRate} for
 * {@code clearAfter}, so a rate hovering at the limit makes one incident, not many.
 *
 * @param capacity the most points kept for the window: the state stays small whatever the reading rate
 */
public record RateOfChangeRule(
        String id, String metric, Direction direction, double rate, double clearRate,
        Duration window, Slope slope, int capacity, Duration minDuration, Duration clearAfter,
        Incident.Type type, Incident.Severity severity, String unit) implements Serializable {

    public enum Direction { RISING, FALLING, EITHER }

    /** How the rate over the window is measured. */
    public enum Slope {
        /** Between the oldest and the newest point: simple, follows a step at once. */
        ENDPOINTS,
        /** Least squares over every kept point: less moved by one noisy reading. */
        LEAST_SQUARES
    }

    public static final int MAX_CAPACITY = 64;

    public RateOfChangeRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(slope, "slope");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rule " + id + ": expected a positive rate but was " + rate);
        }
        if (!(clearRate >= 0 && clearRate <= rate)) {
            throw new IllegalArgumentException("rule " + id + ": expected a clearing rate from 0 to the rate " + rate + " but was " + clearRate);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rule " + id + ": expected a positive window but was " + window);
        }
        if (capacity < 2 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("rule " + id + ": expected a capacity of 2 to " + MAX_CAPACITY + " points but was " + capacity);
        }
        if (minDuration.isNegative() || clearAfter.isNegative()) {
            throw new IllegalArgumentException("rule " + id + ": expected durations of zero or more but was " + minDuration + ", " + clearAfter);
        }
    }

    /** Durations divided by {@code speedup}, rates multiplied by it: for recorded data replayed faster than real time. */
    public RateOfChangeRule compressed(double speedup) {
        return new RateOfChangeRule(id, metric, direction, rate * speedup, clearRate * speedup,
                Duration.ofNanos((long) (window.toNanos() / speedup)), slope, capacity,
                Duration.ofNanos((long) (minDuration.toNanos() / speedup)), Duration.ofNanos((long) (clearAfter.toNanos() / speedup)),
                type, severity, unit);
    }

    /** Whether a rate (units per hour) is in the condition. */
    public boolean breached(double perHour) {
        return switch (direction) {
            case RISING -> perHour > rate;
            case FALLING -> -perHour > rate;
            case EITHER -> Math.abs(perHour) > rate;
        };
    }

    /** Whether a rate (units per hour) is back to normal. */
    public boolean cleared(double perHour) {
        return switch (direction) {
            case RISING -> perHour <= clearRate;
            case FALLING -> -perHour <= clearRate;
            case EITHER -> Math.abs(perHour) <= clearRate;
        };
    }

    /** The least time between kept points, so that {@code capacity} of them span the window. */
    long spacingMillis() {
        return window.toMillis() / (capacity - 1);
    }

    public String describe(double perHour) {
        String u = unit == null ? "" : " " + unit;
        return metric + (perHour >= 0 ? " rising " : " falling ") + format(Math.abs(perHour)) + u + "/h over " + window.toMinutes()
                + " min, faster than " + format(rate) + u + "/h";
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
