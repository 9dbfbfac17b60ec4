package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.util.Objects;

/**
 * An {@link AirQualityRule} for one device type, with the names its devices give PM2.5 and PM10
 * (the wire contract's {@code pm2_5}, say, where the index speaks of pm25).
 */
public record AirQualityWatch(AirQualityRule rule, String pm25Metric, String pm10Metric) implements Serializable {

    public AirQualityWatch {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(pm25Metric, "pm25Metric");
        Objects.requireNonNull(pm10Metric, "pm10Metric");
    }

    /** The index's name for a device's metric, or null when it is neither particle size. */
    public String pollutant(String metric) {
        return metric.equals(pm25Metric) ? AirQualityIndex.Pollutant.PM25.metric()
                : metric.equals(pm10Metric) ? AirQualityIndex.Pollutant.PM10.metric() : null;
    }
}
