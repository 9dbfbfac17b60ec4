package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

import vn.ioc.ingest.contract.Incident;

/**
 * Flood alarm levels for one river gauge, in the gauge's unit, and a rate of rise that
 * warns before the first level is reached. Vietnam grades river floods in three alarm
 * levels (báo động I, II, III; Decision 05/2020/QĐ-TTg sets them per station): level I
 * and above is MEDIUM, II HIGH, III CRITICAL. Rising faster than {@code risePerHour} is LOW
 * below level I and one step more above it. The condition ends once the level has been
 * below level I minus {@code clearMargin}, and not rising, for {@code clearAfter}.
 *
 * @param unit        the unit of the levels and the readings, e.g. "m" above the gauge datum or "cm"
 * @param risePerHour the rate of rise that warns, in {@code unit} per hour
 * @param riseWindow  the span of readings the rate is fitted over
 * @param maxReadings the most readings kept for the fit (the oldest go first), bounding the state
 */
public record FloodRule(
        String id, String metric, String unit,
        double level1, double level2, double level3, double clearMargin,
        double risePerHour, Duration riseWindow, int maxReadings, Duration clearAfter) implements Serializable {

    /**
     * The Hương river at Kim Long, Huế: alarm levels I 1.0 m, II 2.0 m, III 3.5 m, as the
     * national hydro-meteorological forecasting centre's bulletins list them and Huế's
     * authorities quote them (Huế Ngày Nay, 1 November 2025: "BĐ 2 tại Kim Long là 2,0m",
     * "báo động 3 tại Kim Long là 3,5m"). The rise rate, window, margin and clearing time
     * are example values of ours, not official ones.
     */
    public static FloodRule huongAtKimLong() {
        return new FloodRule("huong-kim-long", "water_level", "m", 1.0, 2.0, 3.5, 0.1,
                0.3, Duration.ofHours(1), 120, Duration.ofHours(1));
    }

    public FloodRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(riseWindow, "riseWindow");
        Objects.requireNonNull(clearAfter, "clearAfter");
        String where = "flood rule " + id + ": ";
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException(where + "expected the unit of the levels, such as m or cm, but there was none");
        }
        if (!(Double.isFinite(level1) && Double.isFinite(level3) && level1 < level2 && level2 < level3)) {
            throw new IllegalArgumentException(where + "expected finite alarm levels with I < II < III but was " + level1 + ", " + level2 + ", " + level3);
        }
        if (!(clearMargin >= 0 && Double.isFinite(clearMargin))) {
            throw new IllegalArgumentException(where + "expected a clearing margin of 0 or more but was " + clearMargin);
        }
        if (!(risePerHour > 0 && Double.isFinite(risePerHour))) {
            throw new IllegalArgumentException(where + "expected a positive rise rate but was " + risePerHour + " " + unit + "/h");
        }
        if (riseWindow.isNegative() || riseWindow.isZero()) {
            throw new IllegalArgumentException(where + "expected a positive rise window but was " + riseWindow);
        }
        if (maxReadings < RiseRate.MIN_READINGS) {
            throw new IllegalArgumentException(where + "expected maxReadings of at least " + RiseRate.MIN_READINGS + " but was " + maxReadings);
        }
        if (clearAfter.isNegative()) {
            throw new IllegalArgumentException(where + "expected clearAfter of zero or more but was " + clearAfter);
        }
    }

    /** The severity of a level, rising or not; null when it is no flood. */
    /** Durations divided by {@code speedup}, rates multiplied by it: for recorded data replayed faster than real time. */
    public FloodRule compressed(double speedup) {
        return new FloodRule(id, metric, unit, level1, level2, level3, clearMargin, risePerHour * speedup,
                Duration.ofNanos((long) (riseWindow.toNanos() / speedup)), maxReadings,
                Duration.ofNanos((long) (clearAfter.toNanos() / speedup)));
    }

    public Incident.Severity severityAt(double level, boolean rising) {
        Incident.Severity s = level >= level3 ? Incident.Severity.CRITICAL
                : level >= level2 ? Incident.Severity.HIGH
                : level >= level1 ? Incident.Severity.MEDIUM
                : null;
        if (!rising) {
            return s;
        }
        return s == null ? Incident.Severity.LOW : Incident.Severity.values()[Math.min(s.ordinal() + 1, Incident.Severity.CRITICAL.ordinal())];
    }

    /** Whether the level is clearly back to normal: below level I by the margin, and not rising. */
    public boolean cleared(double level, boolean rising) {
        return level < level1 - clearMargin && !rising;
    }

    public boolean rising(double ratePerHour) {
        return ratePerHour > risePerHour; // NaN (too few readings) is not rising
    }

    public String describe(double level, double ratePerHour) {
        String s = String.format(java.util.Locale.ROOT, "%s %.2f %s", metric, level, unit);
        return Double.isNaN(ratePerHour) ? s : s + String.format(java.util.Locale.ROOT, ", %+.2f %s/h", ratePerHour, unit);
    }
}
