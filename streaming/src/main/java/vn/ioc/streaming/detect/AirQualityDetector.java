package vn.ioc.streaming.detect;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import vn.ioc.streaming.detect.AirQualityIndex.Pollutant;
import vn.ioc.streaming.detect.AirQualityState.Phase;

/**
 * Turns one sensor's PM2.5 and PM10 readings into an AIR_QUALITY condition, by the hourly
 * VN_AQI. Readings may come at any rate: they are averaged into clock hours in UTC (Huế is
 * UTC+7, a whole number of hours, so the buckets are its local hours too; a reading stamped
 * on the hour belongs to the hour it starts). An hour is assessed once it is over: when the
 * first reading of a later hour arrives, or when {@link #advance} is called from a timer.
 * Pure, like {@link ThresholdDetector}: the state goes in and comes out.
 */
public final class AirQualityDetector {

    /** @param aqi the hour this step assessed, null when it assessed none (or the hour had too little data for a NowCast) */
    public record Step(AirQualityState state, BandSignal signal, HourlyAqi aqi) {
    }

    private static final long HOUR_S = 3600;

    private AirQualityDetector() {
    }

    /**
     * Adds one reading. A reading for an hour already assessed is too late and changes
     * nothing; a reading that can't be a concentration is refused before it touches anything.
     *
     * @throws IllegalArgumentException for a metric other than pm25 or pm10, or a negative or non-finite value
     */
    public static Step step(AirQualityRule rule, AirQualityState s, String metric, double value, Instant at) {
        Pollutant p = Pollutant.ofMetric(metric);
        AirQualityIndex.requireConcentration(value);
        long h = Math.floorDiv(at.getEpochSecond(), HOUR_S);
        if (h < s.hour() || (h == s.hour() && !s.open())) {
            return new Step(s, BandSignal.NONE, null);
        }
        Step assessed = h > s.hour() ? advance(rule, s, at) : new Step(s, BandSignal.NONE, null);
        AirQualityState next = assessed.state();
        if (h > next.hour()) {
            next = openHour(next, h);
        }
        return new Step(next.withMeans(p, next.means(p).add(value)), assessed.signal(), assessed.aqi());
    }

    /** Assesses the open hour if {@code now} is past its end: for a timer set at the end of each hour, so a quiet sensor still gets its last hour judged. */
    public static Step advance(AirQualityRule rule, AirQualityState s, Instant now) {
        if (!s.open() || Math.floorDiv(now.getEpochSecond(), HOUR_S) <= s.hour()) {
            return new Step(s, BandSignal.NONE, null);
        }
        AirQualityState closed = new AirQualityState(s.hour(), false, s.pm25().close(), s.pm10().close(), s.phase(), s.band(), s.clearingSince());
        Map<Pollutant, double[]> hours = new EnumMap<>(Pollutant.class);
        hours.put(Pollutant.PM25, closed.pm25().newestFirst());
        hours.put(Pollutant.PM10, closed.pm10().newestFirst());
        Optional<HourlyAqi> aqi = AirQualityIndex.hourly(Instant.ofEpochSecond((s.hour() + 1) * HOUR_S), hours);
        return aqi.map(a -> judge(rule, closed, a)).orElseGet(() -> new Step(closed, BandSignal.NONE, null));
    }

    /** The hours between the last one seen and {@code h} had no readings. */
    private static AirQualityState openHour(AirQualityState s, long h) {
        long missing = s.hour() == Long.MIN_VALUE ? 0 : h - s.hour() - 1;
        return new AirQualityState(h, true, s.pm25().skip(missing), s.pm10().skip(missing), s.phase(), s.band(), s.clearingSince());
    }

    private static Step judge(AirQualityRule rule, AirQualityState s, HourlyAqi a) {
        AirQualityBand b = a.band();
        if (rule.alarming(b)) {
            if (s.phase() == Phase.NORMAL) {
                return new Step(s.withCondition(Phase.ACTIVE, b, 0), BandSignal.STARTED, a);
            }
            int change = b.compareTo(s.band());
            BandSignal signal = change > 0 ? BandSignal.RAISED : change < 0 ? BandSignal.LOWERED : BandSignal.HOLDS;
            return new Step(s.withCondition(Phase.ACTIVE, b, 0), signal, a);
        }
        if (s.phase() == Phase.NORMAL) {
            return new Step(s, BandSignal.NONE, a);
        }
        long since = s.phase() == Phase.CLEARING ? s.clearingSince() : s.hour();
        if (s.hour() - since + 1 >= rule.clearAfterHours()) {
            return new Step(s.withCondition(Phase.NORMAL, null, 0), BandSignal.ENDED, a);
        }
        return new Step(s.withCondition(Phase.CLEARING, s.band(), since), BandSignal.RECOVERING, a);
    }
}
