package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pollutant's readings averaged into clock hours: the running sum of the open hour and
 * the means of the last 12 closed hours, as much history as the NowCast needs.
 *
 * @param sum   sum of the open hour's readings
 * @param count how many readings the open hour has
 * @param hours the closed hours' means, newest first, at most 12; NaN for an hour without readings
 */
public record HourlyMeans(double sum, int count, List<Double> hours) implements Serializable {

    public static final HourlyMeans EMPTY = new HourlyMeans(0, 0, List.of());

    public HourlyMeans {
        hours = List.copyOf(hours);
        if (hours.size() > AirQualityIndex.NOWCAST_HOURS) {
            throw new IllegalArgumentException("expected at most " + AirQualityIndex.NOWCAST_HOURS + " hourly means but was " + hours.size());
        }
    }

    public HourlyMeans add(double value) {
        return new HourlyMeans(sum + value, count + 1, hours);
    }

    /** Ends the open hour: its mean becomes the newest hour, NaN when it had no readings. */
    public HourlyMeans close() {
        return prepend(1, count == 0 ? Double.NaN : sum / count);
    }

    /** Hours that passed without a reading: missing in the NowCast. */
    public HourlyMeans skip(long missingHours) {
        return prepend((int) Math.min(missingHours, AirQualityIndex.NOWCAST_HOURS), Double.NaN);
    }

    /** The closed hours as {@link AirQualityIndex#nowCast} takes them. */
    public double[] newestFirst() {
        double[] out = new double[AirQualityIndex.NOWCAST_HOURS];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < hours.size(); i++) {
            out[i] = hours.get(i);
        }
        return out;
    }

    private HourlyMeans prepend(int n, double mean) {
        if (n <= 0) {
            return this;
        }
        List<Double> out = new ArrayList<>(AirQualityIndex.NOWCAST_HOURS);
        for (int i = 0; i < n; i++) {
            out.add(mean);
        }
        out.addAll(hours);
        return new HourlyMeans(0, 0, out.subList(0, Math.min(out.size(), AirQualityIndex.NOWCAST_HOURS)));
    }
}
