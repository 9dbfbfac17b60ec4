package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.util.Objects;

/**
 * When air quality makes an incident: from the hour whose VN_AQI reaches {@code alarmAt}
 * until {@code clearAfterHours} hours in a row are back below it. The severity follows the
 * band in between (see {@link AirQualityBand#severity()}).
 */
public record AirQualityRule(String id, AirQualityBand alarmAt, int clearAfterHours) implements Serializable {

    /** Poor air (AQI 101 and up) opens an incident, one hour back at moderate or better closes it. */
    public static final AirQualityRule VN_AQI = new AirQualityRule("air-quality", AirQualityBand.POOR, 1);

    public AirQualityRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(alarmAt, "alarmAt");
        if (alarmAt.severity().isEmpty()) {
            throw new IllegalArgumentException("rule " + id + ": expected an alarm band of poor or worse, one with a severity, but was " + alarmAt.english());
        }
        if (clearAfterHours < 1) {
            throw new IllegalArgumentException("rule " + id + ": expected clearAfterHours of 1 or more but was " + clearAfterHours);
        }
    }

    public boolean alarming(AirQualityBand band) {
        return band.compareTo(alarmAt) >= 0;
    }
}
