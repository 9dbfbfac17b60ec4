package vn.ioc.streaming.detect;

import java.io.Serializable;

/**
 * Where one air-quality sensor stands: the hour being averaged, each pollutant's hourly
 * means, and the condition.
 *
 * @param hour          epoch hour (UTC) of the newest hour seen; Long.MIN_VALUE before the first reading
 * @param open          whether that hour still takes readings (false once assessed)
 * @param band          the band that sets the severity while the condition lasts; null when NORMAL
 * @param clearingSince epoch hour of the first hour back below the alarm band, while CLEARING
 */
public record AirQualityState(long hour, boolean open, HourlyMeans pm25, HourlyMeans pm10,
        Phase phase, AirQualityBand band, long clearingSince) implements Serializable {

    public enum Phase {
        NORMAL,
        /** The condition holds. */
        ACTIVE,
        /** Back below the alarm band, not yet for enough hours. */
        CLEARING
    }

    public static final AirQualityState EMPTY =
            new AirQualityState(Long.MIN_VALUE, false, HourlyMeans.EMPTY, HourlyMeans.EMPTY, Phase.NORMAL, null, 0);

    public HourlyMeans means(AirQualityIndex.Pollutant p) {
        return p == AirQualityIndex.Pollutant.PM25 ? pm25 : pm10;
    }

    AirQualityState withMeans(AirQualityIndex.Pollutant p, HourlyMeans m) {
        return p == AirQualityIndex.Pollutant.PM25
                ? new AirQualityState(hour, open, m, pm10, phase, band, clearingSince)
                : new AirQualityState(hour, open, pm25, m, phase, band, clearingSince);
    }

    AirQualityState withCondition(Phase phase, AirQualityBand band, long clearingSince) {
        return new AirQualityState(hour, open, pm25, pm10, phase, band, clearingSince);
    }
}
