package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/** A {@link MissingDataRule} applied to one metric of a device type: each series of that metric is watched apart. */
public record MissingDataWatch(String metric, MissingDataRule rule) implements Serializable {

    public MissingDataWatch {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(rule, "rule");
    }

    /** The intervals divided by {@code speedup}: for recorded data replayed faster than real time. */
    public MissingDataWatch compressed(double speedup) {
        return new MissingDataWatch(metric, new MissingDataRule(rule.id(), rule.factor(),
                Duration.ofNanos(Math.max(1_000_000, (long) (rule.minInterval().toNanos() / speedup))),
                Duration.ofNanos(Math.max(1_000_000, (long) (rule.maxInterval().toNanos() / speedup))),
                rule.learningRate(), rule.minReadings(), rule.severity()));
    }
}
