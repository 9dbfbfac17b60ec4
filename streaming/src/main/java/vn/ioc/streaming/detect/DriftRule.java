package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import vn.ioc.ingest.contract.Incident;

/**
 * A sensor drifting away from its neighbours (see {@link DriftDetector} for the method). Every
 * duration is a whole number of comparison periods: the device's mean over one {@code period} is
 * compared with its neighbours' means over the same period.
 *
 * @param minNeighbours  how many other devices must have reported in a period for it to be judged
 * @param period         the comparison period: its means smooth out single readings
 * @param baseline       how much history the usual difference from the neighbours is learned over
 * @param warmUp         how much of it must be learned before anything is judged
 * @param recent         the window whose median difference is compared with the usual one
 * @param departure      how far the recent difference must depart from the usual one, in spreads
 * @param minDeparture   and at least this far, in the metric's unit: identical sensors have almost
 *                       no spread, and their noise must not count as drift
 * @param minShare       and at least this share of the neighbours' recent level: sensors are
 *                       specified to read within an amount or a share of the value, whichever is larger
 * @param minDuration    how long the departure must last before the device is drifting
 * @param clearFraction  the condition ends once the departure is back within this fraction of the
 *                       limit that started it ...
 * @param clearAfter     ... for this long
 * @param severity       LOW or MEDIUM: a drifting sensor is a maintenance job, never an emergency
 */
public record DriftRule(
        String id, String metric, int minNeighbours, Duration period, Duration baseline, Duration warmUp, Duration recent,
        double departure, double minDeparture, double minShare, Duration minDuration, double clearFraction, Duration clearAfter,
        Incident.Severity severity, String unit) implements Serializable {

    /** The most periods a baseline may hold: four weeks of hours, so a device's state stays small. */
    public static final int MAX_BASELINE = 24 * 28;
    /** The most periods in the recent window. */
    public static final int MAX_RECENT = 72;

    public DriftRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(severity, "severity");
        String where = "rule " + id + ": ";
        if (minNeighbours < 1) {
            throw new IllegalArgumentException(where + "expected at least 1 neighbour but was " + minNeighbours);
        }
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(where + "expected a positive comparison period but was " + period);
        }
        int b = periods(where, "baseline", baseline, period);
        if (b < 2 || b > MAX_BASELINE) {
            throw new IllegalArgumentException(where + "expected a baseline of 2 to " + MAX_BASELINE + " periods but was " + b);
        }
        int w = periods(where, "warmUp", warmUp, period);
        if (w < 2 || w > b) {
            throw new IllegalArgumentException(where + "expected a warm-up of 2 periods up to the baseline's " + b + " but was " + w);
        }
        int r = periods(where, "recent", recent, period);
        if (r < 1 || r > MAX_RECENT) {
            throw new IllegalArgumentException(where + "expected a recent window of 1 to " + MAX_RECENT + " periods but was " + r);
        }
        periods(where, "for", minDuration, period);
        periods(where, "clearAfter", clearAfter, period);
        if (!(departure > 0)) {
            throw new IllegalArgumentException(where + "expected a positive departure (in spreads) but was " + departure);
        }
        if (!(minDeparture > 0)) {
            throw new IllegalArgumentException(where + "expected a positive minimum departure but was " + minDeparture);
        }
        if (!(minShare >= 0)) {
            throw new IllegalArgumentException(where + "expected a minimum share of zero or more but was " + minShare);
        }
        if (!(clearFraction >= 0 && clearFraction < 1)) {
            throw new IllegalArgumentException(where + "expected a clearing fraction from 0 to under 1 but was " + clearFraction);
        }
        if (severity != Incident.Severity.LOW && severity != Incident.Severity.MEDIUM) {
            throw new IllegalArgumentException(where + "expected a severity of LOW or MEDIUM but was " + severity);
        }
    }

    /**
     * The defaults for the rest: hourly means against at least three neighbours, a week of baseline after two days, the last
     * day 2.5 spreads away for three hours, back within half of that for six; no share of the level.
     */
    public static DriftRule defaults(String id, String metric, double minDeparture, String unit) {
        return new DriftRule(id, metric, 3, Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(2), Duration.ofDays(1),
                2.5, minDeparture, 0, Duration.ofHours(3), 0.5, Duration.ofHours(6), Incident.Severity.LOW, unit);
    }

    private static int periods(String where, String name, Duration d, Duration period) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(where + "expected '" + name + "' of zero or more but was " + d);
        }
        if (d.toNanos() % period.toNanos() != 0) {
            throw new IllegalArgumentException(where + "expected '" + name + "' to be a whole number of periods of " + period
                    + " but was " + d);
        }
        return (int) Math.min(Integer.MAX_VALUE, d.toNanos() / period.toNanos());
    }

    /** Every duration divided by {@code speedup}: for recorded data replayed faster than real time. */
    public DriftRule compressed(double speedup) {
        return new DriftRule(id, metric, minNeighbours, shrink(period, speedup), shrink(baseline, speedup), shrink(warmUp, speedup),
                shrink(recent, speedup), departure, minDeparture, minShare, shrink(minDuration, speedup), clearFraction,
                shrink(clearAfter, speedup), severity, unit);
    }

    /** Shrinks in whole periods' worth, so a compressed rule still counts the same periods. */
    private Duration shrink(Duration d, double speedup) {
        long p = (long) (period.toNanos() / speedup);
        return Duration.ofNanos(d.toNanos() / period.toNanos() * Math.max(1, p));
    }

    public Incident.Type type() {
        return Incident.Type.SENSOR_DRIFT;
    }

    int baselinePeriods() {
        return (int) (baseline.toNanos() / period.toNanos());
    }

    int warmUpPeriods() {
        return (int) (warmUp.toNanos() / period.toNanos());
    }

    int recentPeriods() {
        return (int) (recent.toNanos() / period.toNanos());
    }

    /** A recent window less than half full (after a gap) is not judged. */
    int minRecentPeriods() {
        return (recentPeriods() + 1) / 2;
    }

    /** How many judged periods in a row must be beyond the limit: at least one. */
    int startPeriods() {
        return (int) Math.max(1, minDuration.toNanos() / period.toNanos());
    }

    /** How many judged periods in a row must be back within the clearing band: at least one. */
    int clearPeriods() {
        return (int) Math.max(1, clearAfter.toNanos() / period.toNanos());
    }

    /** The departure beyond which a device drifts, given the spread of its usual difference and its neighbours' recent level. */
    public double limit(double spread, double level) {
        return Math.max(Math.max(departure * spread, minDeparture), minShare * Math.abs(level));
    }

    public String describe(DriftDetector.Step step) {
        String u = unit == null ? "" : " " + unit;
        double d = step.departure();
        return metric + " " + format(Math.abs(d)) + u + (d >= 0 ? " higher" : " lower") + " than its " + step.neighbours()
                + " neighbours against the usual difference over the last " + span(recent) + " (limit " + format(step.limit()) + u + ")";
    }

    private static String span(Duration d) {
        if (d.toMinutes() > 0 && d.toSeconds() % 3600 == 0) {
            return d.toHours() + " h";
        }
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toMillis() + " ms";
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
