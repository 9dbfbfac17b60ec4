package vn.ioc.streaming.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.ioc.ingest.contract.Incident;
import vn.ioc.streaming.detect.FloodState.Phase;

/**
 * Runs one {@link FloodRule} over one water-level series, a reading at a time, in event-time
 * order. Pure, like {@link ThresholdDetector}: the state goes in and comes out.
 */
public final class FloodDetector {

    /** @param risePerHour the fitted rate of rise, NaN when there are too few readings to tell */
    public record Step(FloodState state, BandSignal signal, double risePerHour) {
    }

    private FloodDetector() {
    }

    /** @throws IllegalArgumentException for a level that is not a finite number */
    public static Step step(FloodRule rule, FloodState s, double level, Instant at) {
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("expected a finite water level in " + rule.unit() + " but was " + level);
        }
        long t = at.toEpochMilli();
        if (t < s.lastAt()) {
            return new Step(s, BandSignal.NONE, Double.NaN); // older than what this series already showed: changes nothing
        }
        List<FloodState.Reading> window = new ArrayList<>(s.readings().size() + 1);
        long from = t - rule.riseWindow().toMillis();
        for (FloodState.Reading r : s.readings()) {
            if (r.at() >= from) {
                window.add(r);
            }
        }
        window.add(new FloodState.Reading(t, level));
        if (window.size() > rule.maxReadings()) {
            window = window.subList(window.size() - rule.maxReadings(), window.size());
        }
        double rate = RiseRate.perHour(window, rule.riseWindow());
        boolean rising = rule.rising(rate);
        Incident.Severity severity = rule.severityAt(level, rising);
        if (severity != null) {
            int change = s.phase() == Phase.NORMAL ? 0 : severity.compareTo(s.severity());
            BandSignal signal = s.phase() == Phase.NORMAL ? BandSignal.STARTED : change > 0 ? BandSignal.RAISED : change < 0 ? BandSignal.LOWERED : BandSignal.HOLDS;
            return new Step(new FloodState(Phase.ACTIVE, severity, 0, t, window), signal, rate);
        }
        boolean cleared = rule.cleared(level, rising);
        return switch (s.phase()) {
            case NORMAL -> new Step(new FloodState(Phase.NORMAL, null, 0, t, window), BandSignal.NONE, rate);
            // between level I and the margin below it: the condition holds, and a recovery goes on (as in ThresholdDetector)
            case ACTIVE -> cleared
                    ? clearOrWait(rule, s.severity(), t, t, window, rate)
                    : new Step(new FloodState(Phase.ACTIVE, s.severity(), 0, t, window), BandSignal.RECOVERING, rate);
            case CLEARING -> clearOrWait(rule, s.severity(), s.since(), t, window, rate);
        };
    }

    private static Step clearOrWait(FloodRule rule, Incident.Severity severity, long since, long t, List<FloodState.Reading> window, double rate) {
        if (t - since >= rule.clearAfter().toMillis()) {
            return new Step(new FloodState(Phase.NORMAL, null, 0, t, window), BandSignal.ENDED, rate);
        }
        return new Step(new FloodState(Phase.CLEARING, severity, since, t, window), BandSignal.RECOVERING, rate);
    }
}
