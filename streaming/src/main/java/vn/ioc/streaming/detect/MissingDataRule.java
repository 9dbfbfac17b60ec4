package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

import vn.ioc.ingest.contract.Incident;

/**
 * A series gone quiet: no reading for longer than {@code factor} times its usual interval. The
 * usual interval is learned from the readings (see {@link MissingDataDetector}), kept between
 * {@code minInterval} and {@code maxInterval}, and trusted after {@code minReadings}.
 *
 * @param learningRate how far one interval moves the estimate, as a fraction of it: small, so one
 *                     outage or one burst barely moves it
 */
public record MissingDataRule(
        String id, double factor, Duration minInterval, Duration maxInterval,
        double learningRate, int minReadings, Incident.Severity severity) implements Serializable {

    public MissingDataRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        if (!(factor > 1)) {
            throw new IllegalArgumentException("rule " + id + ": expected a factor above 1 (a reading may come a little late) but was " + factor);
        }
        if (minInterval == null || minInterval.isNegative() || minInterval.isZero()) {
            throw new IllegalArgumentException("rule " + id + ": expected a positive minimum interval but was " + minInterval);
        }
        if (maxInterval == null || maxInterval.compareTo(minInterval) < 0) {
            throw new IllegalArgumentException("rule " + id + ": expected a maximum interval of at least " + minInterval + " but was " + maxInterval);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("rule " + id + ": expected a learning rate between 0 and 1 but was " + learningRate);
        }
        if (minReadings < 2) {
            throw new IllegalArgumentException("rule " + id + ": expected at least 2 readings (one interval) before judging but was " + minReadings);
        }
    }

    public Incident.Type type() {
        return Incident.Type.DEVICE_OFFLINE;
    }

    /** The interval within [min, max]. */
    double clamp(double millis) {
        return Math.max(minInterval.toMillis(), Math.min(maxInterval.toMillis(), millis));
    }

    public String describe(MissingDataState s) {
        return "no reading since " + java.time.Instant.ofEpochMilli(s.lastAt()) + ", usually every "
                + Duration.ofMillis(Math.round(s.interval())).toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
