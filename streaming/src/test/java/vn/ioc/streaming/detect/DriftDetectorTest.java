package vn.ioc.streaming.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

import vn.ioc.streaming.detect.ThresholdDetector.Signal;
import vn.ioc.streaming.testing.NeighbourPm25;

/** Five PM2.5 sensors of one neighbourhood, hour by hour, each judged against the other four. */
class DriftDetectorTest {

    private static final Instant T0 = Instant.parse("2026-01-04T17:00:00Z"); // midnight in Huế
    private static final DriftRule SHIPPED = DetectorRules.defaults().driftFor("air-quality").get(0);
    private static final int WEEK = 24 * 7;
    private static final int DRIFT_FROM = 3 * WEEK;
    private static final int FAULTY = 2;
    private static final double SLOPE = 0.5; // µg/m³ an hour: 12 a day
    private static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    /** What a sensor reads in an hour instead of the true mean {@code v}. */
    private interface Fault {
        double reads(int sensor, int hour, double v);
    }

    private static final Fault HEALTHY = (sensor, hour, v) -> v;

    /** One sensor's step in one hour. */
    private record Judged(int sensor, int hour, DriftDetector.Step step) {

        Signal signal() {
            return step.signal();
        }

        DriftState state() {
            return step.state();
        }
    }

    private record Run(List<Judged> steps, DriftState[] states) {

        List<Judged> signals(int sensor, Signal signal) {
            return steps.stream().filter(j -> j.sensor() == sensor && j.signal() == signal).toList();
        }

        List<Judged> starts() {
            return steps.stream().filter(j -> j.signal() == Signal.STARTED).toList();
        }

        DriftState state(int sensor, int hour) {
            return steps.stream().filter(j -> j.sensor() == sensor && j.hour() == hour).findFirst().orElseThrow().step().state();
        }

        int firstStart(int sensor) {
            List<Judged> s = signals(sensor, Signal.STARTED);
            return s.isEmpty() ? -1 : s.get(0).hour();
        }
    }

    private static Run run(DriftRule rule, long seed, int sensors, int hours, Fault fault) {
        return run(rule, new NeighbourPm25(sensors, seed), hours, fault, hour -> 1);
    }

    private static Run run(DriftRule rule, NeighbourPm25 city, int hours, Fault fault, IntToDoubleFunction haze) {
        int sensors = city.sensors();
        DriftState[] states = new DriftState[sensors];
        Arrays.fill(states, DriftState.EMPTY);
        List<Judged> steps = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            double[] v = city.next(haze.applyAsDouble(h));
            for (int i = 0; i < sensors; i++) {
                v[i] = fault.reads(i, h, v[i]);
            }
            for (int i = 0; i < sensors; i++) {
                List<Double> others = new ArrayList<>();
                for (int j = 0; j < sensors; j++) {
                    if (j != i) {
                        others.add(v[j]); // a drifting sensor stays everyone's neighbour here: harder than in the job
                    }
                }
                DriftDetector.Step step = DriftDetector.step(rule, states[i], v[i], others, T0.plus(Duration.ofHours(h)));
                states[i] = step.state();
                steps.add(new Judged(i, h, step));
            }
        }
        return new Run(steps, states);
    }

    private static Fault drifting(int from, int until) {
        return (sensor, hour, v) -> sensor == FAULTY && hour >= from && hour < until ? v + SLOPE * (hour - from) : v;
    }

    @Test
    void healthySensorsAreJudgedAfterTheWarmUpAndNeverDriftOverEightWeeks() {
        for (long seed : SEEDS) {
            Run run = run(SHIPPED, seed, 5, 8 * WEEK, HEALTHY);
            assertThat(run.starts()).as("seed %d", seed).extracting(Judged::sensor, Judged::hour).isEmpty();
            assertThat(run.steps()).filteredOn(j -> j.hour() < 48).noneMatch(j -> j.step().judged());
            assertThat(run.steps()).filteredOn(j -> j.hour() >= 48).allMatch(j -> j.step().judged());
            assertThat(run.states()[0].baseline()).hasSize(WEEK); // bounded: a week of hours, however long it runs
            assertThat(run.states()[0].recent()).hasSize(24);
        }
    }

    @Test
    void aSlowDriftIsFlaggedWithinADayOfReachingTenMicrogramsAndNeverBeforeItStarts() {
        int reachesTen = DRIFT_FROM + (int) (10 / SLOPE); // the sensors' own stated accuracy: a drift worth a visit
        for (long seed : SEEDS) {
            Run run = run(SHIPPED, seed, 5, DRIFT_FROM + 4 * 24, drifting(DRIFT_FROM, Integer.MAX_VALUE));
            assertThat(run.steps()).as("seed %d: nothing before the drift", seed)
                    .filteredOn(j -> j.hour() < DRIFT_FROM).allMatch(j -> j.signal() == Signal.NONE);
            int found = run.firstStart(FAULTY);
            assertThat(found).as("seed %d", seed).isBetween(DRIFT_FROM + (int) (SHIPPED.minDeparture() / SLOPE), reachesTen + 24);
            assertThat(run.starts()).as("seed %d: only the faulty sensor", seed).extracting(Judged::sensor).containsOnly(FAULTY);
            assertThat(run.signals(FAULTY, Signal.STARTED)).hasSize(1);
            DriftDetector.Step at = run.signals(FAULTY, Signal.STARTED).get(0).step();
            assertThat(at.departure()).isGreaterThan(at.limit()).isGreaterThanOrEqualTo(SHIPPED.minDeparture());
            assertThat(SHIPPED.describe(at)).startsWith("pm2_5 ").contains(" higher than its 4 neighbours");
        }
    }

    @Test
    void aSensorReadingLowerIsADriftToo() {
        Run run = run(SHIPPED, 3, 5, DRIFT_FROM + 3 * 24,
                (sensor, hour, v) -> sensor == FAULTY && hour >= DRIFT_FROM ? Math.max(0, v - 20) : v);
        assertThat(run.starts()).extracting(Judged::sensor).containsExactly(FAULTY);
        assertThat(run.signals(FAULTY, Signal.STARTED).get(0).step().departure()).isNegative();
    }

    @Test
    void aStepOffsetIsFlaggedWithinADayAndNotBefore() {
        for (long seed : SEEDS) {
            Run run = run(SHIPPED, seed, 5, DRIFT_FROM + 3 * 24, (sensor, hour, v) -> sensor == FAULTY && hour >= DRIFT_FROM ? v + 15 : v);
            assertThat(run.firstStart(FAULTY)).as("seed %d", seed).isBetween(DRIFT_FROM + 1, DRIFT_FROM + 24);
            assertThat(run.starts()).as("seed %d", seed).extracting(Judged::sensor).containsOnly(FAULTY);
        }
    }

    @Test
    void recalibrationEndsTheDriftWhichTheUsualDifferenceNeverLearned() {
        int recalibrated = DRIFT_FROM + 3 * 24; // 36 µg/m³ off by then
        for (long seed : SEEDS) {
            Run run = run(SHIPPED, seed, 5, recalibrated + 2 * WEEK, drifting(DRIFT_FROM, recalibrated));
            int started = run.firstStart(FAULTY);
            List<Judged> ended = run.signals(FAULTY, Signal.ENDED);
            assertThat(ended).as("seed %d", seed).hasSize(1);
            assertThat(ended.get(0).hour()).as("seed %d", seed).isBetween(recalibrated + 1, recalibrated + 24);
            assertThat(run.signals(FAULTY, Signal.HOLDS)).as("while it drifted").isNotEmpty();
            assertThat(run.signals(FAULTY, Signal.RECOVERING)).as("on its way back").isNotEmpty();
            // the recalibrated sensor does not look as if it drifted the other way: the usual was not moved by the drift
            assertThat(run.starts()).as("seed %d", seed).extracting(Judged::hour).containsExactly(started);
            // the usual was not learned while it drifted, and is learned again once it is back
            long from = T0.plus(Duration.ofHours(started)).toEpochMilli();
            long to = T0.plus(Duration.ofHours(ended.get(0).hour())).toEpochMilli();
            assertThat(run.state(FAULTY, recalibrated - 1).baseline()).as("seed %d", seed).noneMatch(r -> r.at() >= from);
            assertThat(run.states()[FAULTY].baseline()).noneMatch(r -> r.at() >= from && r.at() <= to).anyMatch(r -> r.at() > to);
        }
    }

    @Test
    void aLastingOffsetStaysADriftUntilTheSensorIsRecalibrated() {
        int recalibrated = DRIFT_FROM + 2 * WEEK; // two weeks off by 15 µg/m³: longer than the baseline remembers
        for (long seed : SEEDS) {
            Run run = run(SHIPPED, seed, 5, recalibrated + WEEK,
                    (sensor, hour, v) -> sensor == FAULTY && hour >= DRIFT_FROM && hour < recalibrated ? v + 15 : v);
            int started = run.firstStart(FAULTY);
            assertThat(run.steps()).as("seed %d: holds until recalibrated", seed)
                    .filteredOn(j -> j.sensor() == FAULTY && j.hour() >= started && j.hour() < recalibrated)
                    .allMatch(j -> j.state().drifting());
            assertThat(run.signals(FAULTY, Signal.ENDED)).as("seed %d", seed).extracting(Judged::hour).singleElement()
                    .satisfies(h -> assertThat(h).isBetween(recalibrated + 1, recalibrated + 24));
            assertThat(run.starts()).as("seed %d: no drift the other way after", seed).extracting(Judged::hour).containsExactly(started);
        }
    }

    @Test
    void aSensorWithFewerNeighboursThanTheRuleAsksIsNeverJudged() {
        Run run = run(SHIPPED, 1, 3, DRIFT_FROM + 4 * 24, drifting(DRIFT_FROM, Integer.MAX_VALUE)); // two neighbours each
        assertThat(run.steps()).allMatch(j -> j.signal() == Signal.NONE && !j.step().judged());
        assertThat(run.states()[FAULTY].baseline()).isEmpty();
        assertThat(run.states()[FAULTY].skipped()).isEqualTo(DRIFT_FROM + 4 * 24);
    }

    @Test
    void identicalSensorsWithAlmostNoSpreadDoNotDriftOnNoiseButDoOnARealOffset() {
        // four identical sensors side by side: hundredths of a µg/m³ apart
        java.util.Random noise = new java.util.Random(11);
        Fault identical = (sensor, hour, v) -> NeighbourPm25.dailyCycle(hour % 24) + 0.02 * noise.nextGaussian();
        Fault smallOffset = (sensor, hour, v) -> identical.reads(sensor, hour, v) + (sensor == FAULTY && hour >= DRIFT_FROM ? 3 : 0);
        assertThat(run(SHIPPED, 1, 4, DRIFT_FROM + 4 * 24, smallOffset).starts()).as("3 µg/m³ is within the minimum departure")
                .isEmpty();
        Fault realOffset = (sensor, hour, v) -> identical.reads(sensor, hour, v) + (sensor == FAULTY && hour >= DRIFT_FROM ? 8 : 0);
        Run run = run(SHIPPED, 1, 4, DRIFT_FROM + 4 * 24, realOffset);
        assertThat(run.starts()).extracting(Judged::sensor).containsExactly(FAULTY);
        assertThat(run.signals(FAULTY, Signal.STARTED).get(0).step().limit()).isEqualTo(SHIPPED.minDeparture());
    }

    @Test
    void aSmallErrorOfGainInAHazeIsWithinTheSensorsShareNotADrift() {
        int hazeFrom = 3 * WEEK;
        IntToDoubleFunction haze = hour -> hour >= hazeFrom && hour < hazeFrom + 3 * 24 ? 6 : 1; // three days at 100 to 300
        Fault readsHigh = (sensor, hour, v) -> sensor == FAULTY ? 1.08 * v : v; // within the ±10 % the sensors claim
        for (long seed : SEEDS) {
            assertThat(run(SHIPPED, new NeighbourPm25(5, seed, 0), hazeFrom + WEEK, readsHigh, haze).starts())
                    .as("seed %d", seed).extracting(Judged::hour).isEmpty();
        }
        DriftRule noShare = new DriftRule(SHIPPED.id(), SHIPPED.metric(), SHIPPED.minNeighbours(), SHIPPED.period(), SHIPPED.baseline(),
                SHIPPED.warmUp(), SHIPPED.recent(), SHIPPED.departure(), SHIPPED.minDeparture(), 0, SHIPPED.minDuration(),
                SHIPPED.clearFraction(), SHIPPED.clearAfter(), SHIPPED.severity(), SHIPPED.unit());
        long drifts = Arrays.stream(SEEDS).filter(seed -> !run(noShare, new NeighbourPm25(5, seed, 0), hazeFrom + WEEK, readsHigh, haze)
                .starts().isEmpty()).count();
        assertThat(drifts).as("hazes that would be drifts without the share").isPositive();
    }

    @Test
    void aPeriodAlreadyJudgedOrMissingAMeanChangesNothingButTheSkippedCount() {
        DriftState s = DriftState.EMPTY;
        s = DriftDetector.step(SHIPPED, s, 30, List.of(29.0, 31.0, 30.5), T0).state();
        DriftDetector.Step again = DriftDetector.step(SHIPPED, s, 90, List.of(29.0, 31.0, 30.5), T0);
        assertThat(again.state()).isEqualTo(s);
        DriftDetector.Step notANumber = DriftDetector.step(SHIPPED, s, Double.NaN, List.of(29.0, 31.0, 30.5), T0.plusSeconds(3600));
        assertThat(notANumber.state().baseline()).isEqualTo(s.baseline());
        assertThat(notANumber.state().skipped()).isEqualTo(1);
        assertThat(s.baseline()).containsExactly(new DriftState.Residual(T0.toEpochMilli(), -0.5, 30.5));
    }
}
