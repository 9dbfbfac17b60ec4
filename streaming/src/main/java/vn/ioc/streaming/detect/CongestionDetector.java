package vn.ioc.streaming.detect;

import java.time.Instant;

import vn.ioc.ingest.contract.Incident;
import vn.ioc.streaming.detect.ThresholdDetector.Signal;
import vn.ioc.streaming.detect.ThresholdState.Phase;

/**
 * Runs one {@link CongestionRule} over one road sensor, a reading at a time, in event-time order,
 * learning the usual speed and occupancy as it goes. Pure, like {@link ThresholdDetector}: the
 * state goes in and comes out.
 *
 * <p>A reading teaches the profile only while the road is normal and the reading is not congested:
 * a jam every morning for a week must not become the usual morning.
 */
public final class CongestionDetector {

    /**
     * @param relative      the reading relative to the usual: speed over usual speed, or usual occupancy
     *                      over occupancy, the lower of the two; NaN when no measure could be judged
     * @param usualSpeed    the usual speed of this slot, NaN when not judged
     * @param usualOccupancy the usual occupancy of this slot, NaN when not judged
     */
    public record Step(CongestionState state, Signal signal, double relative, double usualSpeed, double usualOccupancy) {

        public Incident.Severity severity(CongestionRule rule) {
            return rule.severityAt(relative);
        }

        public String describe(CongestionRule rule, TrafficReading r) {
            StringBuilder b = new StringBuilder();
            if (!Double.isNaN(usualSpeed)) {
                b.append(String.format(java.util.Locale.ROOT, "speed %.0f %s, usually %.0f", r.speed(), rule.unit().symbol(), usualSpeed));
            }
            if (!Double.isNaN(usualOccupancy)) {
                b.append(b.isEmpty() ? "" : "; ").append(String.format(java.util.Locale.ROOT, "occupancy %.0f %%, usually %.0f", r.occupancy(), usualOccupancy));
            }
            return b.append(" at this time").toString();
        }
    }

    /** One measure against its usual. */
    private record Verdict(boolean judged, boolean congested, boolean clear, double relative, double usual) {
        static final Verdict NONE = new Verdict(false, false, false, Double.NaN, Double.NaN);
    }

    private CongestionDetector() {
    }

    public static Step step(CongestionRule rule, CongestionState s, TrafficReading r, Instant at) {
        long t = at.toEpochMilli();
        if (t < s.lastAt()) {
            return new Step(s, Signal.NONE, Double.NaN, Double.NaN, Double.NaN); // older than what this sensor already showed: changes nothing
        }
        int slot = rule.slotOf(at);
        Verdict speed = r.hasSpeed() ? speed(rule, s.speed(), slot, r.speed()) : Verdict.NONE;
        Verdict occupancy = r.hasOccupancy() ? occupancy(rule, s.occupancy(), slot, r.occupancy()) : Verdict.NONE;
        boolean breached = speed.congested() || occupancy.congested();
        // back to normal only when every measure that could be judged says so
        boolean cleared = (speed.judged() || occupancy.judged()) && (!speed.judged() || speed.clear()) && (!occupancy.judged() || occupancy.clear());

        Hysteresis.Outcome o = Hysteresis.step(s.phase(), s.since(), t, breached, cleared, rule.minDuration(), rule.clearAfter());
        Phase phase = o.phase();
        long since = o.since();
        Signal signal = o.signal();

        TrafficProfile speeds = s.speed();
        TrafficProfile occupancies = s.occupancy();
        if (phase == Phase.NORMAL && signal != Signal.ENDED && !breached) {
            if (r.hasSpeed()) {
                speeds = speeds.with(slot, r.speed(), rule.alpha());
            }
            if (r.hasOccupancy()) {
                occupancies = occupancies.with(slot, r.occupancy(), rule.alpha());
            }
        }
        double relative = Math.min(speed.judged() ? speed.relative() : Double.POSITIVE_INFINITY, occupancy.judged() ? occupancy.relative() : Double.POSITIVE_INFINITY);
        return new Step(new CongestionState(phase, phase == Phase.NORMAL ? 0 : since, t, speeds, occupancies), signal,
                relative == Double.POSITIVE_INFINITY ? Double.NaN : relative, speed.usual(), occupancy.usual());
    }

    private static Verdict speed(CongestionRule rule, TrafficProfile p, int slot, double v) {
        double usual = p.mean(slot);
        if (p.seen(slot) < rule.minSeen() || !(usual > 0)) {
            return Verdict.NONE;
        }
        double relative = v / usual;
        boolean congested = v < usual - rule.spreads() * p.spread(slot) && relative < rule.fraction();
        return new Verdict(true, congested, relative >= rule.clearFraction(), relative, usual);
    }

    /** Occupancy rises as speed falls (at a given flow, speed is inversely proportional to it): usual over value is comparable with speed over usual. */
    private static Verdict occupancy(CongestionRule rule, TrafficProfile p, int slot, double v) {
        double usual = p.mean(slot);
        if (p.seen(slot) < rule.minSeen() || !(usual > 0)) {
            return Verdict.NONE;
        }
        double relative = v == 0 ? Double.POSITIVE_INFINITY : usual / v;
        boolean congested = v > usual + rule.spreads() * p.spread(slot) && relative < rule.fraction() && v >= rule.minOccupancy();
        boolean clear = relative >= rule.clearFraction() || v < rule.minOccupancy();
        return new Verdict(true, congested, clear, relative, usual);
    }
}
