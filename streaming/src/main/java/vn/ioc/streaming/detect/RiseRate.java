package vn.ioc.streaming.detect;

import java.time.Duration;
import java.util.List;

/**
 * How fast a water level rises: the slope of a least-squares line through the readings of
 * a window, fitted again without the reading farthest from the first line. A plain fit is
 * not enough: the newest reading has the most leverage on the slope, and one 1 m spike at
 * the end of an hour of flat 10-minute readings reads as a 0.64 m/h rise; dropping the
 * worst reading leaves 0 m/h. A real rise keeps its slope, at worst one reading later.
 */
final class RiseRate {

    /** Fewer readings than this give no rate: one is dropped and a line needs the rest. */
    static final int MIN_READINGS = 4;

    private RiseRate() {
    }

    /** Level units per hour; NaN when there are too few readings, or they cover less than half the window. */
    static double perHour(List<FloodState.Reading> readings, Duration window) {
        int n = readings.size();
        if (n < MIN_READINGS || readings.get(n - 1).at() - readings.get(0).at() < window.toMillis() / 2) {
            return Double.NaN;
        }
        double[] line = fit(readings, -1);
        int worst = 0;
        double worstResidual = -1;
        for (int i = 0; i < n; i++) {
            FloodState.Reading r = readings.get(i);
            double residual = Math.abs(r.level() - (line[0] + line[1] * hours(readings, r)));
            if (residual > worstResidual) {
                worstResidual = residual;
                worst = i;
            }
        }
        return fit(readings, worst)[1];
    }

    /** Intercept and slope (per hour) of the least-squares line, leaving out reading {@code skip}. */
    private static double[] fit(List<FloodState.Reading> readings, int skip) {
        double n = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < readings.size(); i++) {
            if (i != skip) {
                n++;
                sx += hours(readings, readings.get(i));
                sy += readings.get(i).level();
            }
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < readings.size(); i++) {
            if (i != skip) {
                double dx = hours(readings, readings.get(i)) - mx;
                sxx += dx * dx;
                sxy += dx * (readings.get(i).level() - my);
            }
        }
        double slope = sxx == 0 ? Double.NaN : sxy / sxx;
        return new double[] {my - slope * mx, slope};
    }

    /** Hours since the first reading: small numbers, so the sums keep their precision. */
    private static double hours(List<FloodState.Reading> readings, FloodState.Reading r) {
        return (r.at() - readings.get(0).at()) / 3_600_000.0;
    }
}
