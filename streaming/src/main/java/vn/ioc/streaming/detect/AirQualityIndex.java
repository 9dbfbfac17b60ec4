package vn.ioc.streaming.detect;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Vietnam's air quality index (VN_AQI) for particulate matter, as the Vietnam Environment
 * Administration defines it in Decision 1459/QĐ-TCMT of 12 November 2019 ("Hướng dẫn kỹ thuật
 * tính toán và công bố chỉ số chất lượng không khí Việt Nam", section 2.2.1): the hourly
 * AQI of PM2.5 and PM10 is the sub-index of the NowCast of the last 12 hourly means, the
 * hourly AQI is the largest sub-index, rounded to a whole number.
 */
public final class AirQualityIndex {

    /** Hourly means the NowCast weighs. */
    public static final int NOWCAST_HOURS = 12;
    /** Top of the scale: the decision's last breakpoint row is "≥" the concentration. */
    public static final int MAX = 500;
    /** Table 2 of the decision, the index value I at each breakpoint. */
    private static final int[] INDEX = {0, 50, 100, 150, 200, 300, 400, 500};

    /** The particulate matter the index covers, with the breakpoints (µg/m³) of Table 2. */
    public enum Pollutant {
        PM25("pm25", 0, 25, 50, 80, 150, 250, 350, 500),
        PM10("pm10", 0, 50, 150, 250, 350, 420, 500, 600);

        private final String metric;
        private final double[] breakpoints;

        Pollutant(String metric, double... breakpoints) {
            this.metric = metric;
            this.breakpoints = breakpoints;
        }

        /** The metric name a sensor reports this pollutant under. */
        public String metric() {
            return metric;
        }

        public static Pollutant ofMetric(String metric) {
            for (Pollutant p : values()) {
                if (p.metric.equals(metric)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("expected metric pm25 or pm10 but was '" + metric + "'");
        }
    }

    private AirQualityIndex() {
    }

    /** Refuses what no sensor can measure, so that it never reaches an average. */
    public static void requireConcentration(double microgramsPerCubicMetre) {
        if (!Double.isFinite(microgramsPerCubicMetre) || microgramsPerCubicMetre < 0) {
            throw new IllegalArgumentException("expected a finite concentration of 0 µg/m³ or more but was " + microgramsPerCubicMetre);
        }
    }

    /** Formula 2: linear between the breakpoints around the concentration, 500 at and above the top one. Not rounded. */
    public static double subIndex(Pollutant p, double concentration) {
        requireConcentration(concentration);
        double[] bp = p.breakpoints;
        if (concentration >= bp[bp.length - 1]) {
            return MAX;
        }
        int i = 0;
        while (concentration > bp[i + 1]) {
            i++;
        }
        return INDEX[i] + (INDEX[i + 1] - INDEX[i]) * (concentration - bp[i]) / (bp[i + 1] - bp[i]);
    }

    /**
     * The NowCast of section 2.2.1 a: a weighted mean of the last 12 hourly means in which
     * each older hour weighs w times the one after it, w being the smallest mean over the
     * largest but at least 1/2, so that steady air gets a long average and changing air a
     * short one. A missing hour weighs nothing; without at least 2 of the 3 latest hours
     * there is no NowCast.
     *
     * <p>For w = 1/2 the decision writes the sum of (1/2)^i·c_i without dividing by the sum
     * of the weights; with all 12 hours that differs from the normalised mean used here by
     * under 0.03% (the weights add up to 2 − 2^-11 instead of 2), and with hours missing it
     * would count them as zero, which the rule for missing hours rules out.
     *
     * @param newestFirst hourly means, [0] the hour just ended; NaN for an hour without one
     */
    public static OptionalDouble nowCast(double[] newestFirst) {
        int n = Math.min(newestFirst.length, NOWCAST_HOURS);
        int recent = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double c = newestFirst[i];
            if (Double.isNaN(c)) {
                continue;
            }
            requireConcentration(c);
            recent += i < 3 ? 1 : 0;
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        if (recent < 2) {
            return OptionalDouble.empty();
        }
        if (max == 0) {
            return OptionalDouble.of(0);
        }
        double w = Math.max(min / max, 0.5);
        double sum = 0;
        double weights = 0;
        double weight = 1;
        for (int i = 0; i < n; i++, weight *= w) {
            if (!Double.isNaN(newestFirst[i])) {
                sum += weight * newestFirst[i];
                weights += weight;
            }
        }
        return OptionalDouble.of(sum / weights);
    }

    /**
     * The hourly AQI of the hour ending at {@code hourEnding}: the largest sub-index of the
     * pollutants that have a NowCast, rounded; empty when none has.
     *
     * @param newestFirst each pollutant's hourly means, as {@link #nowCast} takes them
     */
    public static Optional<HourlyAqi> hourly(Instant hourEnding, Map<Pollutant, double[]> newestFirst) {
        HourlyAqi worst = null;
        double worstIndex = -1;
        for (Map.Entry<Pollutant, double[]> e : newestFirst.entrySet()) {
            OptionalDouble c = nowCast(e.getValue());
            if (c.isPresent() && subIndex(e.getKey(), c.getAsDouble()) > worstIndex) {
                worstIndex = subIndex(e.getKey(), c.getAsDouble());
                int aqi = (int) Math.round(worstIndex);
                worst = new HourlyAqi(hourEnding, aqi, AirQualityBand.of(aqi), e.getKey(), c.getAsDouble());
            }
        }
        return Optional.ofNullable(worst);
    }
}
