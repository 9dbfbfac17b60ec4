package vn.ioc.streaming.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.ioc.streaming.detect.ThresholdDetector.Signal;
import vn.ioc.streaming.nab.NabCorpus;
import vn.ioc.streaming.nab.NabData;
import vn.ioc.streaming.nab.NabWindow;
import vn.ioc.streaming.nab.NabWindows;

/**
 * The rule detectors on real and labelled series of the Numenta Anomaly Benchmark: each must
 * start its condition inside a labelled window and never in the part before the first one
 * (missing data, which NAB does not label, against the real gaps of a loop's series). The
 * rules are the shipped ones where the series is what they were made for (a loop's speed), and
 * otherwise set as an operator would for that kind of series, from its normal behaviour.
 */
class RulesOnNabTest {

    private static final double KMH_PER_MPH = 1.609344;

    private static NabData data(String file) throws URISyntaxException {
        return NabCorpus.readData(Path.of(RulesOnNabTest.class.getResource("/nab/data/" + file).toURI()), file);
    }

    /** Rules for a device type "series", read as the job reads its rule file. */
    private static DetectorRules rules(String yaml) {
        return DetectorRules.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The instants at which a detector stepped through the series started its condition. */
    private static List<Instant> starts(NabData data, BiFunction<Double, Instant, Signal> step) {
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            Instant at = Instant.ofEpochMilli(data.timestamps()[i]);
            if (step.apply(data.values()[i], at) == Signal.STARTED) {
                starts.add(at);
            }
        }
        return starts;
    }

    /** The condition starts inside a labelled window, and never in the part of the series before the first one. */
    private static void assertFiresInsideAWindowNotBefore(String file, List<Instant> starts) {
        List<NabWindow> windows = NabWindows.bundled().of(file);
        assertThat(starts).as("%s: a start inside a labelled window %s", file, windows).anyMatch(t -> windows.stream()
                .anyMatch(w -> t.toEpochMilli() >= w.start() && t.toEpochMilli() <= w.end()));
        assertThat(starts).as("%s: no start before the first window", file).noneMatch(t -> t.toEpochMilli() < windows.get(0).start());
    }

    /**
     * The shipped slow-traffic rule (below 40 km/h for 10 minutes) on real Minnesota loops (mph):
     * speed_t4013 starts once, 09-16 08:09; speed_7578 at 09-16 14:04 and 17:20, inside the
     * labelled breakdowns, and 09-17 14:00 after the last; none in the normal traffic before them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"realTraffic/speed_t4013.csv", "realTraffic/speed_7578.csv"})
    void theShippedSlowTrafficThresholdStartsOnlyInsideTheLabelledBreakdowns(String file) throws URISyntaxException {
        ThresholdRule rule = DetectorRules.defaults().forType("traffic-loop").stream()
                .filter(r -> r.id().equals("slow-traffic")).findFirst().orElseThrow();
        ThresholdState[] s = {ThresholdState.NORMAL};
        List<Instant> starts = starts(data(file), (mph, at) -> {
            ThresholdDetector.Step step = ThresholdDetector.step(rule, s[0], mph * KMH_PER_MPH, at);
            s[0] = step.state();
            return step.signal();
        });
        assertFiresInsideAWindowNotBefore(file, starts);
    }

    /** A series that varies by about one unit from reading to reading goes flat at 40 for a day: stuck. */
    @Test
    void aFlatLineIsFoundInsideItsWindowAndTheNoisyNightsBeforeAreNot() throws URISyntaxException {
        FlatLineRule rule = rules("""
                series:
                  - id: stuck
                    kind: flat-line
                    metric: value
                    tolerance: 0.5
                    for: PT4H
                """).flatLineRulesFor("series").get(0);
        FlatLineState[] s = {FlatLineState.EMPTY};
        String file = "artificialWithAnomaly/art_daily_flatmiddle.csv";
        List<Instant> starts = starts(data(file), (v, at) -> {
            FlatLineDetector.Step step = FlatLineDetector.step(rule, s[0], v, at);
            s[0] = step.state();
            return step.signal();
        });
        assertFiresInsideAWindowNotBefore(file, starts);
    }

    /**
     * A daily cycle whose morning rise is at most about 110 units an hour jumps much faster one
     * day: a rule for rises beyond 160 an hour (half as fast again as the usual mornings) finds the
     * jump and none of the ten mornings before it.
     */
    @Test
    void aRiseFasterThanTheUsualMorningsIsFoundOnlyOnTheDayOfTheJump() throws URISyntaxException {
        RateOfChangeRule rule = rules("""
                series:
                  - id: jump
                    kind: rate-of-change
                    metric: value
                    perHour: 160
                    over: PT30M
                    slope: ENDPOINTS
                    type: ANOMALY
                """).rateRulesFor("series").get(0);
        RateOfChangeState[] s = {RateOfChangeState.NORMAL};
        String file = "artificialWithAnomaly/art_daily_jumpsup.csv";
        List<Instant> starts = starts(data(file), (v, at) -> {
            RateOfChangeDetector.Step step = RateOfChangeDetector.step(rule, s[0], v, at);
            s[0] = step.state();
            return step.signal();
        });
        assertFiresInsideAWindowNotBefore(file, starts);
    }

    /**
     * A real loop's readings: every five minutes, but with the gaps real data has (138 of more than
     * 15 minutes in ten days, up to 7 hours), plus two hours cut out of a normal morning. Every
     * silence found lies in a gap longer than three usual intervals, every gap longer than three
     * of the longest usual interval (10 minutes) is found, and the cut is found within 20 minutes.
     */
    @Test
    void missingDataIsFoundInTheRealGapsOfALoopAndOnlyThere() throws URISyntaxException {
        MissingDataRule rule = rules("""
                series:
                  - id: quiet
                    kind: missing-data
                    metric: value
                """).missingDataFor("series").get(0).rule();
        NabData data = data("realTraffic/speed_7578.csv");
        Instant cutFrom = Instant.parse("2015-09-10T10:00:00Z");
        Instant cutTo = cutFrom.plus(Duration.ofHours(2));
        List<Instant> readings = new ArrayList<>();
        for (long t : data.timestamps()) {
            Instant at = Instant.ofEpochMilli(t);
            if (at.isBefore(cutFrom) || !at.isBefore(cutTo)) {
                readings.add(at);
            }
        }
        MissingDataState s = MissingDataState.EMPTY;
        List<Instant> silences = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            Instant at = readings.get(i);
            if (i > 0) { // event time passes minute by minute between readings, as the job's timers do
                for (Instant t = readings.get(i - 1).plusSeconds(60); t.isBefore(at); t = t.plusSeconds(60)) {
                    MissingDataDetector.Step check = MissingDataDetector.check(rule, s, t);
                    s = check.state();
                    if (check.signal() == Signal.STARTED) {
                        silences.add(t);
                    }
                }
            }
            s = MissingDataDetector.step(rule, s, at).state();
        }
        Instant learned = readings.get(rule.minReadings());
        for (Instant t : silences) {
            Duration gap = gapAround(readings, t);
            assertThat(gap).as("the gap around the silence at %s", t).isGreaterThan(Duration.ofMinutes(15));
        }
        for (int i = 1; i < readings.size(); i++) {
            Instant from = readings.get(i - 1);
            Instant to = readings.get(i);
            if (from.isAfter(learned) && Duration.between(from, to).compareTo(Duration.ofMinutes(31)) > 0) {
                assertThat(silences).as("a silence in the gap %s – %s", from, to)
                        .anyMatch(t -> t.isAfter(from) && t.isBefore(to));
            }
        }
        assertThat(silences).anyMatch(t -> t.isAfter(cutFrom.minus(Duration.ofMinutes(10))) && t.isBefore(cutFrom.plus(Duration.ofMinutes(20))));
    }

    private static Duration gapAround(List<Instant> readings, Instant t) {
        for (int i = 1; i < readings.size(); i++) {
            if (readings.get(i - 1).isBefore(t) && readings.get(i).isAfter(t)) {
                return Duration.between(readings.get(i - 1), readings.get(i));
            }
        }
        throw new AssertionError("no gap around " + t);
    }
}
