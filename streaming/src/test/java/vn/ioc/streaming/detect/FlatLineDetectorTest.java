package vn.ioc.streaming.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Incident;
import vn.ioc.streaming.detect.ThresholdDetector.Signal;

class FlatLineDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
    /** A water-level sensor stuck: within 0.1 cm for 2 h, once at least 30 % of its readings have changed. */
    private static final FlatLineRule STUCK = new FlatLineRule("stuck", "level", 0.1, Duration.ofHours(2), 0.3, 12, 100, "cm");

    /** Feeds {@code value(minute)} every 10 minutes up to {@code minutes}; the signals by minute. */
    private static Map<Integer, Signal> run(int minutes, IntToDoubleFunction value) {
        return run(STUCK, minutes, value);
    }

    private static Map<Integer, Signal> run(FlatLineRule rule, int minutes, IntToDoubleFunction value) {
        FlatLineState s = FlatLineState.EMPTY;
        Map<Integer, Signal> out = new LinkedHashMap<>();
        for (int m = 0; m <= minutes; m += 10) {
            FlatLineDetector.Step step = FlatLineDetector.step(rule, s, value.applyAsDouble(m), T0.plus(Duration.ofMinutes(m)));
            s = step.state();
            out.put(m, step.signal());
        }
        return out;
    }

    /** Varies by 0.5 cm every reading for 10 hours, stuck at 42.0 from minute 600 to 840, varies again after. */
    private static double stuckInTheMiddle(int m) {
        if (m >= 600 && m < 840) {
            return 42.0;
        }
        return 40 + (m / 10 % 4) * 0.5;
    }

    @Test
    void startsAfterTheStuckTimeAndEndsAtTheFirstRealChange() {
        Map<Integer, Signal> s = run(1000, FlatLineDetectorTest::stuckInTheMiddle);
        // stuck since minute 600: started at 600 + 2 h = 720; ended by the reading at 840
        assertThat(s).containsEntry(710, Signal.NONE).containsEntry(720, Signal.STARTED).containsEntry(730, Signal.HOLDS)
                .containsEntry(830, Signal.HOLDS).containsEntry(840, Signal.ENDED);
        assertThat(s.values()).filteredOn(x -> x == Signal.STARTED).hasSize(1);
    }

    @Test
    void wobbleWithinTheToleranceIsStillStuck() {
        Map<Integer, Signal> s = run(1000, m -> m >= 600 ? 42.0 + (m / 10 % 2) * 0.05 : stuckInTheMiddle(m));
        assertThat(s).containsEntry(720, Signal.STARTED).containsEntry(1000, Signal.HOLDS);
        assertThat(s.values()).doesNotContain(Signal.ENDED);
    }

    @Test
    void seriesConstantByNatureNeverAlarms() {
        // a closed valve: 0 for two days, and one with noise inside the tolerance
        assertThat(run(2880, m -> 0.0).values()).containsOnly(Signal.NONE);
        assertThat(run(2880, m -> 5.0 + (m / 10 % 3) * 0.04).values()).containsOnly(Signal.NONE);
    }

    @Test
    void seriesThatRarelyChangesIsNotJudgedAsVarying() {
        // a setpoint changed once every 4 hours: 1 change in 24 readings is under the 30 % share
        assertThat(run(2880, m -> m / 240 % 2).values()).containsOnly(Signal.NONE);
    }

    @Test
    void tooFewReadingsToLearnFromDoNotAlarm() {
        // 9 changing readings, then flat from minute 90: 22 readings when the 2 hours are up at 210
        IntToDoubleFunction value = m -> m < 90 ? m : 90;
        assertThat(run(210, value)).containsEntry(210, Signal.STARTED);
        FlatLineRule wantsThirty = new FlatLineRule("stuck", "level", 0.1, Duration.ofHours(2), 0.3, 30, 100, "cm");
        assertThat(run(wantsThirty, 210, value).values()).containsOnly(Signal.NONE);
    }

    @Test
    void summarySaysWhereAndSinceWhen() {
        FlatLineState s = FlatLineState.EMPTY;
        for (int m = 0; m <= 720; m += 10) {
            s = FlatLineDetector.step(STUCK, s, stuckInTheMiddle(m), T0.plus(Duration.ofMinutes(m))).state();
        }
        assertThat(s.stuck()).isTrue();
        assertThat(STUCK.describe(s)).isEqualTo("level stuck at 42 cm since 2026-11-23T10:00:00Z");
        assertThat(STUCK.type()).isEqualTo(Incident.Type.ANOMALY);
        assertThat(STUCK.severity()).isEqualTo(Incident.Severity.LOW);
    }

    @Test
    void valueOlderThanTheLastOneChangesNothing() {
        FlatLineState s = FlatLineState.EMPTY;
        for (int m = 0; m <= 720; m += 10) {
            s = FlatLineDetector.step(STUCK, s, stuckInTheMiddle(m), T0.plus(Duration.ofMinutes(m))).state();
        }
        FlatLineDetector.Step older = FlatLineDetector.step(STUCK, s, 99, T0.plus(Duration.ofMinutes(700)));
        assertThat(older.state()).isEqualTo(s);
        assertThat(older.signal()).isEqualTo(Signal.NONE);
    }

    @Test
    void badConfigurationIsRefusedWithAReason() {
        assertThatThrownBy(() -> new FlatLineRule("f", "level", -0.1, Duration.ofHours(2), 0.3, 12, 100, "cm"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule f").hasMessageContaining("tolerance of zero or more but was -0.1");
        assertThatThrownBy(() -> new FlatLineRule("f", "level", 0.1, Duration.ZERO, 0.3, 12, 100, "cm"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive time to count as stuck");
        assertThatThrownBy(() -> new FlatLineRule("f", "level", 0.1, Duration.ofHours(2), 0, 12, 100, "cm"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("varying share above 0");
    }
}
