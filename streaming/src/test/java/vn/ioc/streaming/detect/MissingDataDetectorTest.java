package vn.ioc.streaming.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Incident;
import vn.ioc.streaming.detect.ThresholdDetector.Signal;

class MissingDataDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
    /** Offline after 3 usual intervals of silence; the interval between 1 min and 6 h, trusted after 5 readings. */
    private static final MissingDataRule OFFLINE = new MissingDataRule("offline", 3, Duration.ofMinutes(1), Duration.ofHours(6), 0.05, 5,
            Incident.Severity.MEDIUM);

    /** Readings every {@code every}, each up to ±10 % late or early (a fixed pattern), {@code n} of them. */
    private static MissingDataState feed(MissingDataState s, Instant from, Duration every, int n) {
        long[] jitter = {0, 10, -10, 5, -5, 7, -3};
        for (int i = 0; i < n; i++) {
            long ms = every.toMillis() * i + every.toMillis() * jitter[i % jitter.length] / 100;
            MissingDataDetector.Step step = MissingDataDetector.step(OFFLINE, s, from.plusMillis(ms));
            assertThat(step.signal()).isEqualTo(Signal.NONE);
            s = step.state();
        }
        return s;
    }

    private static Instant last(MissingDataState s) {
        return Instant.ofEpochMilli(s.lastAt());
    }

    @Test
    void learnsAFiveMinuteIntervalAndFiresAfterThreeOfThem() {
        MissingDataState s = feed(MissingDataState.EMPTY, T0, Duration.ofMinutes(5), 72);
        assertThat(s.interval()).isCloseTo(Duration.ofMinutes(5).toMillis(), within(0.15 * Duration.ofMinutes(5).toMillis()));
        // silent from the last reading: still fine 12 minutes later, offline after about 15
        assertThat(MissingDataDetector.check(OFFLINE, s, last(s).plus(Duration.ofMinutes(12))).signal()).isEqualTo(Signal.NONE);
        MissingDataDetector.Step offline = MissingDataDetector.check(OFFLINE, s, last(s).plus(Duration.ofMinutes(18)));
        assertThat(offline.signal()).isEqualTo(Signal.STARTED);
        assertThat(MissingDataDetector.dueAt(OFFLINE, s)).isBetween(last(s).plus(Duration.ofMinutes(13)), last(s).plus(Duration.ofMinutes(17)));
        assertThat(OFFLINE.type()).isEqualTo(Incident.Type.DEVICE_OFFLINE);
    }

    @Test
    void learnsAnHourlyIntervalAndDoesNotFireAfterAFiveMinuteOnesGap() {
        MissingDataState s = feed(MissingDataState.EMPTY, T0, Duration.ofHours(1), 48);
        assertThat(s.interval()).isCloseTo(Duration.ofHours(1).toMillis(), within(0.15 * Duration.ofHours(1).toMillis()));
        assertThat(MissingDataDetector.check(OFFLINE, s, last(s).plus(Duration.ofMinutes(20))).signal()).isEqualTo(Signal.NONE);
        assertThat(MissingDataDetector.check(OFFLINE, s, last(s).plus(Duration.ofMinutes(150))).signal()).isEqualTo(Signal.NONE);
        assertThat(MissingDataDetector.check(OFFLINE, s, last(s).plus(Duration.ofMinutes(200))).signal()).isEqualTo(Signal.STARTED);
    }

    @Test
    void endsWhenReadingsResumeAndTheOutageDoesNotTeachTheInterval() {
        MissingDataState s = feed(MissingDataState.EMPTY, T0, Duration.ofMinutes(5), 72);
        double learned = s.interval();
        Instant silentFrom = last(s);
        MissingDataDetector.Step offline = MissingDataDetector.check(OFFLINE, s, silentFrom.plus(Duration.ofMinutes(20)));
        assertThat(offline.signal()).isEqualTo(Signal.STARTED);
        // checked again while still silent: it holds, no second start
        assertThat(MissingDataDetector.check(OFFLINE, offline.state(), silentFrom.plus(Duration.ofHours(1))).signal()).isEqualTo(Signal.HOLDS);
        MissingDataDetector.Step back = MissingDataDetector.step(OFFLINE, offline.state(), silentFrom.plus(Duration.ofHours(3)));
        assertThat(back.signal()).isEqualTo(Signal.ENDED);
        assertThat(back.state().missing()).isFalse();
        assertThat(back.state().interval()).isEqualTo(learned);
        // the next silence is judged from the new reading
        assertThat(MissingDataDetector.dueAt(OFFLINE, back.state())).isAfter(silentFrom.plus(Duration.ofHours(3)));
    }

    @Test
    void oneLongGapBarelyMovesTheInterval() {
        MissingDataState s = feed(MissingDataState.EMPTY, T0, Duration.ofMinutes(5), 72);
        double learned = s.interval();
        // a 2-hour gap that no timer judged (the job was down): the median moves by 5 %, a mean would jump
        MissingDataState after = MissingDataDetector.step(OFFLINE, s, last(s).plus(Duration.ofHours(2))).state();
        assertThat(after.interval()).isCloseTo(learned * 1.05, within(1.0));
    }

    @Test
    void noJudgementBeforeTheIntervalIsLearned() {
        MissingDataState s = feed(MissingDataState.EMPTY, T0, Duration.ofMinutes(5), 4);
        assertThat(MissingDataDetector.dueAt(OFFLINE, s)).isNull();
        assertThat(MissingDataDetector.check(OFFLINE, s, T0.plus(Duration.ofDays(1))).signal()).isEqualTo(Signal.NONE);
    }

    @Test
    void intervalStaysWithinTheBounds() {
        MissingDataState s = feed(MissingDataState.EMPTY, T0, Duration.ofSeconds(5), 20);
        assertThat(s.interval()).isEqualTo(Duration.ofMinutes(1).toMillis());
    }

    @Test
    void readingOlderThanTheLastOneChangesNothing() {
        MissingDataState s = feed(MissingDataState.EMPTY, T0, Duration.ofMinutes(5), 12);
        MissingDataDetector.Step older = MissingDataDetector.step(OFFLINE, s, last(s).minus(Duration.ofMinutes(7)));
        assertThat(older.state()).isEqualTo(s);
        assertThat(older.signal()).isEqualTo(Signal.NONE);
    }

    @Test
    void badConfigurationIsRefusedWithAReason() {
        assertThatThrownBy(() -> new MissingDataRule("m", 1, Duration.ofMinutes(1), Duration.ofHours(6), 0.05, 5, Incident.Severity.MEDIUM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule m").hasMessageContaining("factor above 1");
        assertThatThrownBy(() -> new MissingDataRule("m", 3, Duration.ofHours(1), Duration.ofMinutes(5), 0.05, 5, Incident.Severity.MEDIUM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximum interval of at least PT1H but was PT5M");
        assertThatThrownBy(() -> new MissingDataRule("m", 3, Duration.ofMinutes(1), Duration.ofHours(6), 1.5, 5, Incident.Severity.MEDIUM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning rate between 0 and 1");
    }
}
