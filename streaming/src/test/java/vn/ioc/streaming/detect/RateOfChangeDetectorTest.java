package vn.ioc.streaming.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Incident;
import vn.ioc.streaming.detect.RateOfChangeRule.Direction;
import vn.ioc.streaming.detect.RateOfChangeRule.Slope;
import vn.ioc.streaming.detect.ThresholdDetector.Signal;

class RateOfChangeDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(30);
    /** A river rising faster than 10 cm/h over 30 min, for 10 min; cleared at 4 cm/h or less for 15 min. */
    private static final RateOfChangeRule RISING = rule(Direction.RISING, Slope.ENDPOINTS);

    private static RateOfChangeRule rule(Direction d, Slope slope) {
        return new RateOfChangeRule("river-rise", "level", d, 10, 4, WINDOW, slope, 8,
                Duration.ofMinutes(10), Duration.ofMinutes(15), Incident.Type.FLOODING, Incident.Severity.HIGH, "cm");
    }

    /** Feeds {@code value(minute)} every 5 minutes from minute 0 to {@code minutes}; the signals by minute. */
    private static Map<Integer, Signal> run(RateOfChangeRule rule, int minutes, IntToDoubleFunction value) {
        RateOfChangeState s = RateOfChangeState.NORMAL;
        Map<Integer, Signal> out = new LinkedHashMap<>();
        for (int m = 0; m <= minutes; m += 5) {
            RateOfChangeDetector.Step step = RateOfChangeDetector.step(rule, s, value.applyAsDouble(m), T0.plus(Duration.ofMinutes(m)));
            s = step.state();
            out.put(m, step.signal());
        }
        return out;
    }

    /** Flat at 0 until minute 30, then +2 cm every 5 minutes (24 cm/h) until minute 70, then flat at 16. */
    private static double rise(int m) {
        return m <= 30 ? 0 : Math.min(2.0 * (m - 30) / 5, 16);
    }

    @Test
    void startsAfterTheMinimumDurationAndEndsAfterTheClearingTime() {
        Map<Integer, Signal> s = run(RISING, 150, RateOfChangeDetectorTest::rise);
        // the 30-minute slope passes 10 cm/h at minute 45 (12 cm/h): started 10 min later, at 55;
        // it falls to 4 cm/h at minute 95 (the window then holds 14 → 16): ended 15 min later, at 110
        assertThat(s).containsEntry(55, Signal.STARTED).containsEntry(110, Signal.ENDED);
        assertThat(s.values()).filteredOn(x -> x == Signal.STARTED).hasSize(1);
        assertThat(s.values()).filteredOn(x -> x == Signal.ENDED).hasSize(1);
        assertThat(s).containsEntry(50, Signal.NONE).containsEntry(75, Signal.HOLDS).containsEntry(90, Signal.RECOVERING);
    }

    @Test
    void rateBetweenTheClearingRateAndTheRateKeepsTheCondition() {
        // 24 cm/h, then 6 cm/h for hours: below the rate but above the clearing rate, so it never ends
        Map<Integer, Signal> s = run(RISING, 300, m -> m <= 60 ? 2.0 * m / 5 : 24 + 0.5 * (m - 60) / 5);
        assertThat(s.values()).filteredOn(x -> x == Signal.STARTED).hasSize(1);
        assertThat(s.values()).doesNotContain(Signal.ENDED);
        assertThat(s.get(300)).isEqualTo(Signal.RECOVERING);
    }

    @Test
    void shortBurstDoesNotStartACondition() {
        // a 10-minute step of 6 cm: the 30-minute slope is 12 cm/h for 5 minutes only, then the window has passed it
        Map<Integer, Signal> s = run(RISING, 120, m -> m >= 40 && m < 50 ? 6 : 0);
        assertThat(s.values()).doesNotContain(Signal.STARTED);
    }

    @Test
    void fallingRuleIgnoresARiseAndEitherCatchesBoth() {
        assertThat(run(rule(Direction.FALLING, Slope.ENDPOINTS), 150, RateOfChangeDetectorTest::rise).values()).doesNotContain(Signal.STARTED);
        assertThat(run(rule(Direction.FALLING, Slope.ENDPOINTS), 150, m -> -rise(m))).containsEntry(55, Signal.STARTED);
        assertThat(run(rule(Direction.EITHER, Slope.ENDPOINTS), 150, m -> -rise(m))).containsEntry(55, Signal.STARTED);
    }

    @Test
    void leastSquaresSlopeIsLessMovedByOneNoisyReading() {
        RateOfChangeState endpoints = RateOfChangeState.NORMAL;
        RateOfChangeState squares = RateOfChangeState.NORMAL;
        RateOfChangeDetector.Step e = null;
        RateOfChangeDetector.Step q = null;
        for (int m = 0; m <= 30; m += 5) {
            double v = m == 30 ? 6 : 0; // flat, then one reading 6 cm off
            e = RateOfChangeDetector.step(rule(Direction.RISING, Slope.ENDPOINTS), endpoints, v, T0.plus(Duration.ofMinutes(m)));
            q = RateOfChangeDetector.step(rule(Direction.RISING, Slope.LEAST_SQUARES), squares, v, T0.plus(Duration.ofMinutes(m)));
            endpoints = e.state();
            squares = q.state();
        }
        assertThat(e.ratePerHour()).isCloseTo(12, within(1e-9));
        // least squares over 7 points 5 min apart, the last one 6 off: 6 cm · 15 min / 700 min² = 7.7 cm/h
        assertThat(q.ratePerHour()).isCloseTo(6.0 * 15 / 700 * 60, within(1e-9));
    }

    @Test
    void stateStaysWithinTheCapacityHoweverFastReadingsCome() {
        RateOfChangeRule rule = rule(Direction.RISING, Slope.LEAST_SQUARES);
        RateOfChangeState s = RateOfChangeState.NORMAL;
        RateOfChangeDetector.Step step = null;
        for (int sec = 0; sec <= 7200; sec += 10) {
            step = RateOfChangeDetector.step(rule, s, sec / 3600.0 * 24, T0.plusSeconds(sec)); // 24 cm/h, every 10 s
            s = step.state();
            assertThat(s.points()).hasSizeLessThanOrEqualTo(rule.capacity());
        }
        assertThat(step.ratePerHour()).isCloseTo(24, within(1e-6));
        assertThat(s.points().get(s.points().size() - 1).at() - s.points().get(0).at()).isGreaterThanOrEqualTo(WINDOW.toMillis() / 2);
    }

    @Test
    void tooShortASpanGivesNoRateAndNoCondition() {
        RateOfChangeDetector.Step a = RateOfChangeDetector.step(RISING, RateOfChangeState.NORMAL, 0, T0);
        RateOfChangeDetector.Step b = RateOfChangeDetector.step(RISING, a.state(), 100, T0.plus(Duration.ofMinutes(5)));
        assertThat(b.ratePerHour()).isNaN();
        assertThat(b.state().phase()).isEqualTo(ThresholdState.Phase.NORMAL);
    }

    @Test
    void valueOlderThanTheLastOneChangesNothing() {
        RateOfChangeState s = RateOfChangeState.NORMAL;
        for (int m = 0; m <= 60; m += 5) {
            s = RateOfChangeDetector.step(RISING, s, rise(m), T0.plus(Duration.ofMinutes(m))).state();
        }
        RateOfChangeDetector.Step older = RateOfChangeDetector.step(RISING, s, -500, T0.plus(Duration.ofMinutes(20)));
        assertThat(older.state()).isEqualTo(s);
        assertThat(older.signal()).isEqualTo(Signal.NONE);
    }

    @Test
    void badConfigurationIsRefusedWithAReason() {
        assertThatThrownBy(() -> new RateOfChangeRule("r", "level", Direction.RISING, 10, 12, WINDOW, Slope.ENDPOINTS, 8,
                Duration.ZERO, Duration.ZERO, Incident.Type.FLOODING, Incident.Severity.HIGH, "cm"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule r").hasMessageContaining("clearing rate from 0 to the rate 10.0 but was 12.0");
        assertThatThrownBy(() -> new RateOfChangeRule("r", "level", Direction.RISING, 10, 4, WINDOW, Slope.ENDPOINTS, 1,
                Duration.ZERO, Duration.ZERO, Incident.Type.FLOODING, Incident.Severity.HIGH, "cm"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity of 2 to 64 points but was 1");
        assertThatThrownBy(() -> new RateOfChangeRule("r", "level", Direction.RISING, 10, 4, Duration.ZERO, Slope.ENDPOINTS, 8,
                Duration.ZERO, Duration.ZERO, Incident.Type.FLOODING, Incident.Severity.HIGH, "cm"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive window");
    }
}
