package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

import vn.ioc.ingest.contract.Incident;
import vn.ioc.streaming.anomaly.AnomalyDetector;

/**
 * Watch a metric with the {@link AnomalyDetector}: an alarm opens an {@code ANOMALY} incident, which
 * clears once the series has given no alarm for {@code clearAfter}. Whether each value is an alarm
 * (1) or not (0) goes through a {@link ThresholdRule} ({@link #onAlarms()}), so the incident's
 * hysteresis is the threshold detector's.
 *
 * @param alarmLevel the detector's alarm level (see {@link AnomalyDetector#AnomalyDetector(double)})
 */
public record AnomalyRule(String id, String metric, double alarmLevel, Incident.Severity severity, Duration clearAfter, String unit)
        implements Serializable {

    public AnomalyRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(severity, "severity");
        if (!(alarmLevel > 0 && alarmLevel <= 1)) {
            throw new IllegalArgumentException("rule " + id + ": expected an alarm level in (0, 1] but was " + alarmLevel);
        }
        if (clearAfter.isNegative()) {
            throw new IllegalArgumentException("rule " + id + ": expected 'clearAfter' of zero or more but was " + clearAfter);
        }
    }

    /** The rule over alarms (1) and other values (0): an alarm starts the condition at once. */
    public ThresholdRule onAlarms() {
        return new ThresholdRule(id, metric, ThresholdRule.Direction.ABOVE, 0.5, 0.5, Duration.ZERO, clearAfter,
                Incident.Type.ANOMALY, severity, null, null);
    }

    public AnomalyDetector newDetector() {
        return new AnomalyDetector(alarmLevel);
    }

    public String describe(double value, double score) {
        return "unusual " + metric + ": " + ThresholdRule.format(value) + (unit == null ? "" : " " + unit)
                + " (anomaly score " + String.format(java.util.Locale.ROOT, "%.3f", score) + ")";
    }

    public AnomalyRule compressed(double speedup) {
        return new AnomalyRule(id, metric, alarmLevel, severity, Duration.ofNanos((long) (clearAfter.toNanos() / speedup)), unit);
    }
}
