package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.util.Objects;

/** A {@link CongestionRule} for one device type, with the names its devices give speed and occupancy. */
public record CongestionWatch(CongestionRule rule, String speedMetric, String occupancyMetric) implements Serializable {

    public CongestionWatch {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(speedMetric, "speedMetric");
        Objects.requireNonNull(occupancyMetric, "occupancyMetric");
    }

    /** The reading a value of {@code metric} is, or null when it is neither speed nor occupancy. */
    public TrafficReading reading(String metric, double value) {
        return metric.equals(speedMetric) ? TrafficReading.speed(value)
                : metric.equals(occupancyMetric) ? TrafficReading.occupancy(value) : null;
    }
}
