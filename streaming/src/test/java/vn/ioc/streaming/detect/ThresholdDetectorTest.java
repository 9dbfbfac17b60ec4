package vn.ioc.streaming.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Incident;
import vn.ioc.streaming.detect.ThresholdDetector.Signal;

class ThresholdDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-23T07:00:00Z");
    private static final Duration MIN = Duration.ofMinutes(10);
    /** Slow traffic: below 40 km/h for 10 min, cleared above 55 km/h for 10 min. */
    private static final ThresholdRule SLOW = new ThresholdRule("slow", "speed", ThresholdRule.Direction.BELOW, 40, 55,
            MIN, MIN, Incident.Type.CONGESTION, Incident.Severity.MEDIUM, 20.0, "km/h");

    /** Feeds one value every 5 minutes and returns the signals. */
    private static List<Signal> run(ThresholdRule rule, double... values) {
        ThresholdState s = ThresholdState.NORMAL;
        List<Signal> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            ThresholdDetector.Step step = ThresholdDetector.step(rule, s, values[i], T0.plus(Duration.ofMinutes(5L * i)));
            s = step.state();
            out.add(step.signal());
        }
        return out;
    }

    @Test
    void conditionStartsOnlyAfterTheMinimumDuration() {
        assertThat(run(SLOW, 60, 35, 30, 30, 30)).containsExactly(Signal.NONE, Signal.NONE, Signal.NONE, Signal.STARTED, Signal.HOLDS);
    }

    @Test
    void shortDipDoesNotStartACondition() {
        assertThat(run(SLOW, 60, 35, 30, 60, 60, 60)).doesNotContain(Signal.STARTED);
    }

    @Test
    void valueBetweenTheLevelsKeepsThePendingConditionAlive() {
        // 45 is neither slow (<40) nor clearly normal (>55): the 10 minutes keep counting
        assertThat(run(SLOW, 35, 45, 35)).containsExactly(Signal.NONE, Signal.NONE, Signal.STARTED);
    }

    @Test
    void hoveringAroundTheThresholdDoesNotFlap() {
        List<Signal> s = run(SLOW, 30, 30, 30, 42, 38, 42, 38, 42, 38, 42);
        assertThat(s).filteredOn(x -> x == Signal.STARTED).hasSize(1);
        assertThat(s).doesNotContain(Signal.ENDED);
    }

    @Test
    void conditionEndsAfterTheValueStaysNormalForTheClearingTime() {
        assertThat(run(SLOW, 30, 30, 30, 60, 60, 60, 60))
                .containsExactly(Signal.NONE, Signal.NONE, Signal.STARTED, Signal.RECOVERING, Signal.RECOVERING, Signal.ENDED, Signal.NONE);
    }

    @Test
    void valuesThatNoLongerBreachAreReportedAsRecoveringNotAsTheCondition() {
        // 45 is inside the hysteresis band: the condition holds, but 45 is not "slow"
        assertThat(run(SLOW, 30, 30, 30, 45, 30)).containsExactly(Signal.NONE, Signal.NONE, Signal.STARTED, Signal.RECOVERING, Signal.HOLDS);
    }

    @Test
    void relapseWhileClearingKeepsTheSameCondition() {
        List<Signal> s = run(SLOW, 30, 30, 30, 60, 30, 60, 60, 60);
        assertThat(s).filteredOn(x -> x == Signal.STARTED).hasSize(1);
        assertThat(s.get(s.size() - 1)).isEqualTo(Signal.ENDED);
    }

    @Test
    void valueOlderThanTheLastOneChangesNothing() {
        var started = ThresholdDetector.step(SLOW, new ThresholdState(ThresholdState.Phase.PENDING, T0.toEpochMilli(), T0.plusSeconds(600).toEpochMilli()),
                30, T0.plusSeconds(600));
        assertThat(started.signal()).isEqualTo(Signal.STARTED);
        var older = ThresholdDetector.step(SLOW, started.state(), 90, T0.plusSeconds(60));
        assertThat(older.state()).isEqualTo(started.state());
        assertThat(older.signal()).isEqualTo(Signal.NONE);
    }

    @Test
    void severityRisesBeyondTheEscalationLevel() {
        assertThat(SLOW.severityAt(35)).isEqualTo(Incident.Severity.MEDIUM);
        assertThat(SLOW.severityAt(12)).isEqualTo(Incident.Severity.HIGH);
    }

    @Test
    void compressedRuleNeedsProportionallyLessTime() {
        ThresholdRule fast = SLOW.compressed(300);
        assertThat(fast.minDuration()).isEqualTo(Duration.ofSeconds(2));
        ThresholdState s = ThresholdDetector.step(fast, ThresholdState.NORMAL, 30, T0).state();
        assertThat(ThresholdDetector.step(fast, s, 30, T0.plusSeconds(1)).signal()).isEqualTo(Signal.NONE);
        assertThat(ThresholdDetector.step(fast, s, 30, T0.plusSeconds(2)).signal()).isEqualTo(Signal.STARTED);
    }

    @Test
    void clearingLevelOnTheWrongSideIsRejected() {
        assertThatThrownBy(() -> new ThresholdRule("bad", "speed", ThresholdRule.Direction.BELOW, 40, 30, MIN, MIN,
                Incident.Type.CONGESTION, Incident.Severity.MEDIUM, null, "km/h"))
                .hasMessageContaining("rule bad").hasMessageContaining("clearing level 30.0");
    }
}
