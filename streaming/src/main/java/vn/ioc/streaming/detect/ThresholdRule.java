package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

import vn.ioc.ingest.contract.Incident;

/**
 * A threshold with hysteresis and minimum durations: a condition starts when the value has
 * been beyond {@code enter} for {@code minDuration}, and ends when it has been back past
 * {@code exit} for {@code clearAfter}. Between {@code enter} and {@code exit} nothing
 * changes, so a value hovering at the threshold does not make a flood of incidents.
 *
 * @param escalate beyond this level the severity is raised one step; null for none
 */
public record ThresholdRule(
        String id, String metric, Direction direction, double enter, double exit,
        Duration minDuration, Duration clearAfter,
        Incident.Type type, Incident.Severity severity, Double escalate, String unit) implements Serializable {

    public enum Direction { ABOVE, BELOW }

    public ThresholdRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        if (direction == Direction.ABOVE ? exit > enter : exit < enter) {
            throw new IllegalArgumentException("rule " + id + ": expected the clearing level " + exit + " to be on the normal side of "
                    + enter + " (" + (direction == Direction.ABOVE ? "at or below" : "at or above") + ") but it is not");
        }
        if (escalate != null && !beyond(direction, escalate, enter)) {
            throw new IllegalArgumentException("rule " + id + ": expected the escalation level " + escalate + " to be beyond " + enter);
        }
        if (minDuration.isNegative() || clearAfter.isNegative()) {
            throw new IllegalArgumentException("rule " + id + ": expected durations of zero or more but was " + minDuration + ", " + clearAfter);
        }
    }

    /** Whether the value is in the condition. */
    public boolean breached(double value) {
        return beyond(direction, value, enter);
    }

    /** Whether the value is back to normal (past the clearing level). */
    public boolean cleared(double value) {
        return direction == Direction.ABOVE ? value <= exit : value >= exit;
    }

    public Incident.Severity severityAt(double value) {
        if (escalate != null && beyond(direction, value, escalate) && severity.ordinal() < Incident.Severity.CRITICAL.ordinal()) {
            return Incident.Severity.values()[severity.ordinal() + 1];
        }
        return severity;
    }

    /** The same rule with its durations divided by {@code speedup}, for data replayed faster than real time. */
    public ThresholdRule compressed(double speedup) {
        return new ThresholdRule(id, metric, direction, enter, exit,
                Duration.ofNanos((long) (minDuration.toNanos() / speedup)),
                Duration.ofNanos((long) (clearAfter.toNanos() / speedup)), type, severity, escalate, unit);
    }

    public String describe(double value) {
        String u = unit == null ? "" : " " + unit;
        return metric + " " + format(value) + u + (direction == Direction.ABOVE ? " above " : " below ") + format(enter) + u;
    }

    private static boolean beyond(Direction d, double value, double level) {
        return d == Direction.ABOVE ? value > level : value < level;
    }

    static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
