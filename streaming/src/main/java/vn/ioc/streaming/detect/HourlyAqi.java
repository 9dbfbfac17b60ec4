package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.time.Instant;

/**
 * The VN_AQI of one hour.
 *
 * @param hourEnding when the hour ended (the decision labels an hour by its end)
 * @param aqi        the hourly AQI, rounded
 * @param dominant   the pollutant with the largest sub-index
 * @param nowCast    the dominant pollutant's NowCast (µg/m³)
 */
public record HourlyAqi(Instant hourEnding, int aqi, AirQualityBand band, AirQualityIndex.Pollutant dominant, double nowCast)
        implements Serializable {

    public String describe() {
        return String.format(java.util.Locale.ROOT, "VN_AQI %d (%s / %s), %s NowCast %.1f µg/m³",
                aqi, band.english(), band.vietnamese(), dominant.metric(), nowCast);
    }
}
