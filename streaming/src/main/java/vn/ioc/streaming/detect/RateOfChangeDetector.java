package vn.ioc.streaming.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.ioc.streaming.detect.RateOfChangeState.Point;
import vn.ioc.streaming.detect.ThresholdDetector.Signal;
import vn.ioc.streaming.detect.ThresholdState.Phase;

/**
 * Runs one {@link RateOfChangeRule} over one series, a value at a time, in event-time order.
 * Pure, like {@link ThresholdDetector}: the state goes in and comes out.
 */
public final class RateOfChangeDetector {

    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    /** @param ratePerHour the rate measured with this value, NaN while the points span too little of the window */
    public record Step(RateOfChangeState state, Signal signal, double ratePerHour) {
    }

    private RateOfChangeDetector() {
    }

    public static Step step(RateOfChangeRule rule, RateOfChangeState s, double value, Instant at) {
        long t = at.toEpochMilli();
        if (t < s.lastAt()) {
            return new Step(s, Signal.NONE, Double.NaN); // older than what this series already showed: changes nothing
        }
        List<Point> points = kept(rule, s.points(), new Point(t, value));
        double rate = rate(rule, points);
        // an unknown rate (just after a gap) neither starts nor ends anything: like a value between the levels
        boolean breached = !Double.isNaN(rate) && rule.breached(rate);
        boolean cleared = !Double.isNaN(rate) && rule.cleared(rate);
        Hysteresis.Outcome o = Hysteresis.step(s.phase(), s.since(), t, breached, cleared, rule.minDuration(), rule.clearAfter());
        return new Step(new RateOfChangeState(o.phase(), o.phase() == Phase.NORMAL ? 0 : o.since(), t, points), o.signal(), rate);
    }

    /**
     * The points inside the window after adding {@code p}. The newest point stands in for every
     * reading since the one before it until they are {@code spacing} apart, so the kept points are
     * spread over the window and never more than the capacity, however fast readings come.
     */
    static List<Point> kept(RateOfChangeRule rule, List<Point> before, Point p) {
        List<Point> out = new ArrayList<>(before.size() + 1);
        for (Point q : before) {
            if (q.at() >= p.at() - rule.window().toMillis()) {
                out.add(q);
            }
        }
        int n = out.size();
        if (n >= 2 && out.get(n - 1).at() - out.get(n - 2).at() < rule.spacingMillis()) {
            out.set(n - 1, p);
        } else if (n >= 1 && out.get(n - 1).at() == p.at()) {
            out.set(n - 1, p); // a second value for the same instant replaces the first
        } else {
            out.add(p);
        }
        while (out.size() > rule.capacity()) {
            out.remove(0);
        }
        return out;
    }

    /** Units per hour over the kept points; NaN unless they span at least half the window. */
    static double rate(RateOfChangeRule rule, List<Point> points) {
        if (points.size() < 2) {
            return Double.NaN;
        }
        Point first = points.get(0);
        Point last = points.get(points.size() - 1);
        if (last.at() - first.at() < rule.window().toMillis() / 2) {
            return Double.NaN;
        }
        if (rule.slope() == RateOfChangeRule.Slope.ENDPOINTS) {
            return (last.value() - first.value()) / (last.at() - first.at()) * MILLIS_PER_HOUR;
        }
        // times relative to the first point, in hours, to keep the sums well conditioned
        double n = points.size();
        double sx = 0;
        double sy = 0;
        for (Point q : points) {
            sx += (q.at() - first.at()) / MILLIS_PER_HOUR;
            sy += q.value();
        }
        double mx = sx / n;
        double my = sy / n;
        double sxy = 0;
        double sxx = 0;
        for (Point q : points) {
            double dx = (q.at() - first.at()) / MILLIS_PER_HOUR - mx;
            sxy += dx * (q.value() - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }
}
