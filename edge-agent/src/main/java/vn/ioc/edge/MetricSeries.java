package vn.ioc.edge;

/**
 * One recorded series a sensor replays as one metric.
 *
 * @param metric the contract's metric name ({@code speed}, {@code occupancy}, {@code travel_time})
 * @param unit   the contract's unit for it ({@code km/h}, {@code %}, {@code s})
 * @param factor multiplies a recorded value into {@code unit} (mph to km/h: 1.609344)
 */
public record MetricSeries(String metric, String unit, double factor, SeriesFile file) {

    /** The value as published: converted, and rounded to 0.001, finer than any recording here. */
    public double valueOf(SeriesFile.Row row) {
        return Math.round(row.value() * factor * 1000) / 1000.0;
    }
}
