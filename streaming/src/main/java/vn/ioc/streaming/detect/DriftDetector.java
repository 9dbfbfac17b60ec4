package vn.ioc.streaming.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import vn.ioc.streaming.detect.DriftState.Residual;
import vn.ioc.streaming.detect.ThresholdDetector.Signal;

/**
 * Runs one {@link DriftRule} over one device, a comparison period at a time, in event-time order.
 * Pure, like {@link ThresholdDetector}: the state goes in and comes out.
 *
 * <p>Neighbouring sensors of one metric measure the same air or water: what the weather, the
 * traffic and the time of day do to one, they do to all. The difference between a device's mean
 * and the median of its neighbours' means over the same period removes all of that and leaves the
 * device's own error plus what is truly local. For a healthy device that difference is not zero
 * (places differ, sensors have offsets) but it is steady; drift is the difference walking away.
 * <ul>
 * <li>The neighbours' median, not their mean: one bad neighbour must not make every other device
 *     look as if it drifted.</li>
 * <li>The usual difference and its spread are the median and the scaled median absolute deviation
 *     of a ring of past periods: a fire beside one sensor for an afternoon would pull a mean, not a
 *     median, and a ring forgets in bounded memory.</li>
 * <li>The ring learns only from periods that are neither beyond the limit nor in a drift. If it
 *     went on learning, a slow drift would become the new usual and never be reported, and the
 *     recalibrated device would then look as if it drifted the other way.</li>
 * <li>The median of the recent periods is compared, not the last one: drift is slow and local
 *     events are short, so a fire beside a sensor for less than half the window does not move it.
 *     A day by default, so that every hour of the day weighs the same: a small error of gain makes
 *     a difference that follows the daily cycle. The price is a delay of about half the window.</li>
 * <li>The limit is a number of spreads but never less than an absolute amount, nor than a share of
 *     the neighbours' recent level: two identical sensors side by side have almost no spread, and
 *     their noise is not drift; and sensors are specified to read within an amount or a share,
 *     whichever is larger, so one that reads 10 % high departs by 20 µg/m³ in a 200 µg/m³ haze
 *     without having drifted.</li>
 * <li>Beyond the limit for several periods in a row to start, back within a smaller band for
 *     several periods to end: a departure hovering at the limit makes one incident, not many.</li>
 * <li>A period with fewer neighbours than the rule asks is skipped: against one or two others the
 *     median is no consensus, and the device that disagrees may be the one that is right. A
 *     device already drifting is best left out of the others' neighbours for the same reason
 *     ({@link NeighbourHours#compare(java.util.Collection, java.util.Set)}).</li>
 * </ul>
 */
public final class DriftDetector {

    /** The spread of normal noise from its median absolute deviation. */
    private static final double MAD_TO_SIGMA = 1.4826;

    /**
     * @param departure  how far the recent difference is from the usual one; NaN when the period was not judged
     * @param limit      the departure that counts as drift for this device now; NaN when not judged
     * @param neighbours how many neighbours the period had
     */
    public record Step(DriftState state, Signal signal, double departure, double limit, int neighbours) {

        public boolean judged() {
            return !Double.isNaN(departure);
        }
    }

    private DriftDetector() {
    }

    /**
     * @param mean       the device's mean over the period
     * @param neighbours the other devices' means over the same period
     * @param at         the start of the period
     */
    public static Step step(DriftRule rule, DriftState s, double mean, List<Double> neighbours, Instant at) {
        long t = at.toEpochMilli();
        if (t <= s.lastAt()) {
            return new Step(s, Signal.NONE, Double.NaN, Double.NaN, neighbours.size()); // a period already seen: changes nothing
        }
        double[] others = neighbours.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
        if (!Double.isFinite(mean) || others.length < rule.minNeighbours()) {
            return new Step(s.skip(), Signal.NONE, Double.NaN, Double.NaN, others.length);
        }
        double reference = median(others);
        Residual r = new Residual(t, mean - reference, reference);
        List<Residual> recent = recent(rule, s.recent(), r);
        if (s.baseline().size() < rule.warmUpPeriods()) {
            return new Step(new DriftState(false, 0, t, s.skipped(), learned(rule, s.baseline(), r), recent), Signal.NONE,
                    Double.NaN, Double.NaN, others.length);
        }
        if (recent.size() < rule.minRecentPeriods()) {
            // back after a gap: too little recent history to judge yet, and nothing new about the usual either
            return new Step(new DriftState(s.drifting(), s.streak(), t, s.skipped(), s.baseline(), recent), Signal.NONE,
                    Double.NaN, Double.NaN, others.length);
        }
        double[] usual = values(s.baseline());
        double level = median(usual);
        double limit = rule.limit(MAD_TO_SIGMA * mad(usual, level), median(references(recent)));
        double departure = median(values(recent)) - level;
        boolean beyond = Math.abs(departure) > limit;
        boolean back = Math.abs(departure) <= rule.clearFraction() * limit;

        if (!s.drifting()) {
            int streak = beyond ? s.streak() + 1 : 0;
            List<Residual> baseline = beyond ? s.baseline() : learned(rule, s.baseline(), r);
            boolean starts = streak >= rule.startPeriods();
            return new Step(new DriftState(starts, starts ? 0 : streak, t, s.skipped(), baseline, recent),
                    starts ? Signal.STARTED : Signal.NONE, departure, limit, others.length);
        }
        int streak = back ? s.streak() + 1 : 0;
        if (streak >= rule.clearPeriods()) {
            return new Step(new DriftState(false, 0, t, s.skipped(), s.baseline(), recent), Signal.ENDED, departure, limit, others.length);
        }
        return new Step(new DriftState(true, streak, t, s.skipped(), s.baseline(), recent), beyond ? Signal.HOLDS : Signal.RECOVERING,
                departure, limit, others.length);
    }

    /** The recent window after adding {@code r}: the periods less than the window old, at most the window's count. */
    static List<Residual> recent(DriftRule rule, List<Residual> before, Residual r) {
        long from = r.at() - rule.recent().toMillis();
        List<Residual> out = new ArrayList<>(before.size() + 1);
        for (Residual q : before) {
            if (q.at() > from) {
                out.add(q);
            }
        }
        out.add(r);
        return trimmed(out, rule.recentPeriods());
    }

    private static double[] references(List<Residual> list) {
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i).reference();
        }
        return out;
    }

    private static List<Residual> learned(DriftRule rule, List<Residual> baseline, Residual r) {
        List<Residual> out = new ArrayList<>(baseline.size() + 1);
        out.addAll(baseline);
        out.add(r);
        return trimmed(out, rule.baselinePeriods());
    }

    private static List<Residual> trimmed(List<Residual> list, int max) {
        return list.size() > max ? list.subList(list.size() - max, list.size()) : list;
    }

    private static double[] values(List<Residual> list) {
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i).value();
        }
        return out;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static double mad(double[] values, double median) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(values[i] - median);
        }
        return median(d);
    }
}
