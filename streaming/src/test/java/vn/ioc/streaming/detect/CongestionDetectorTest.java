package vn.ioc.streaming.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Incident;
import vn.ioc.streaming.detect.ThresholdDetector.Signal;

class CongestionDetectorTest {

    private static final ZoneId HUE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final CongestionRule RULE = CongestionRule.defaults("le-loi", HUE, CongestionRule.SpeedUnit.KMH);

    /** A usual weekday on Lê Lợi: 50 km/h from 7 to 9, 70 otherwise, ±1 from one reading to the next. */
    private static double usual(LocalTime t) {
        double base = t.getHour() >= 7 && t.getHour() < 9 ? 50 : 70;
        return base + (t.getMinute() / 5 % 2 == 0 ? 1 : -1);
    }

    private CongestionState state = CongestionState.initial(RULE);

    /** One day of 5-minute speed readings, local time; the signals by time of day. */
    private Map<LocalTime, CongestionDetector.Step> day(LocalDate d, ToDoubleFunction<LocalTime> speed) {
        Map<LocalTime, CongestionDetector.Step> out = new LinkedHashMap<>();
        for (LocalTime t = LocalTime.MIDNIGHT; ; t = t.plusMinutes(5)) {
            CongestionDetector.Step step = CongestionDetector.step(RULE, state, TrafficReading.speed(speed.applyAsDouble(t)), d.atTime(t).atZone(HUE).toInstant());
            state = step.state();
            out.put(t, step);
            if (t.equals(LocalTime.of(23, 55))) {
                return out;
            }
        }
    }

    private void learnFiveWeekdays() {
        for (int i = 0; i < 5; i++) {
            assertThat(day(MONDAY.plusDays(i), CongestionDetectorTest::usual).values()).allMatch(s -> s.signal() == Signal.NONE);
        }
    }

    /** Next Monday: 12 km/h from 7:30 to 8:00, then {@code after} until 9:00. */
    private static ToDoubleFunction<LocalTime> jam(double after) {
        return t -> !t.isBefore(LocalTime.of(7, 30)) && t.isBefore(LocalTime.of(8, 0)) ? 12
                : !t.isBefore(LocalTime.of(8, 0)) && t.isBefore(LocalTime.of(9, 0)) ? after : usual(t);
    }

    private static Map<LocalTime, Signal> signals(Map<LocalTime, CongestionDetector.Step> steps) {
        Map<LocalTime, Signal> out = new LinkedHashMap<>();
        steps.forEach((t, s) -> out.put(t, s.signal()));
        return out;
    }

    @Test
    void jamAgainstTheUsualMorningStartsAfterTenMinutesAndEndsFifteenMinutesAfterItClears() {
        learnFiveWeekdays();
        Map<LocalTime, CongestionDetector.Step> steps = day(MONDAY.plusDays(7), jam(50));
        Map<LocalTime, Signal> s = signals(steps);
        // 12 km/h from 7:30: started at 7:40; back to 50 at 8:00: ended at 8:15
        assertThat(s).containsEntry(LocalTime.of(7, 35), Signal.NONE).containsEntry(LocalTime.of(7, 40), Signal.STARTED)
                .containsEntry(LocalTime.of(7, 55), Signal.HOLDS).containsEntry(LocalTime.of(8, 0), Signal.RECOVERING)
                .containsEntry(LocalTime.of(8, 15), Signal.ENDED);
        assertThat(s.values()).filteredOn(x -> x == Signal.STARTED).hasSize(1);
        CongestionDetector.Step started = steps.get(LocalTime.of(7, 40));
        assertThat(started.usualSpeed()).isCloseTo(50, within(1.0));
        assertThat(started.severity(RULE)).isEqualTo(Incident.Severity.HIGH); // 12 of 50: under 30 %
        assertThat(started.describe(RULE, TrafficReading.speed(12))).isEqualTo("speed 12 km/h, usually 50 at this time");
    }

    @Test
    void speedBetweenTheLevelsKeepsTheCondition() {
        learnFiveWeekdays();
        // 40 of a usual 50 is 80 %: no longer a jam (under 70 %), not yet clear (85 %)
        Map<LocalTime, Signal> s = signals(day(MONDAY.plusDays(7), jam(40)));
        assertThat(s).containsEntry(LocalTime.of(7, 40), Signal.STARTED).containsEntry(LocalTime.of(8, 55), Signal.RECOVERING);
        // at 9:00 the usual 70 is back and so is the speed: clear from 9:00, ended at 9:15
        assertThat(s).containsEntry(LocalTime.of(9, 15), Signal.ENDED);
    }

    @Test
    void slowSpeedThatIsUsualForTheHourIsNoJam() {
        learnFiveWeekdays();
        // 50 km/h at 8:00 is the usual; at 14:00 (usual 70) it is 71 %: over the 70 % line, no jam either
        assertThat(day(MONDAY.plusDays(7), t -> t.getHour() == 14 ? 50 : usual(t)).values()).allMatch(s -> s.signal() == Signal.NONE);
    }

    @Test
    void jamsDoNotBecomeTheUsual() {
        learnFiveWeekdays();
        int slot = RULE.slotOf(MONDAY.plusDays(7).atTime(7, 45).atZone(HUE).toInstant());
        double before = state.speed().mean(slot);
        int seen = state.speed().seen(slot);
        for (int week = 1; week <= 3; week++) {
            assertThat(signals(day(MONDAY.plusDays(7L * week), jam(50)))).containsEntry(LocalTime.of(7, 40), Signal.STARTED);
        }
        assertThat(state.speed().mean(slot)).isEqualTo(before);
        assertThat(state.speed().seen(slot)).isEqualTo(seen);
    }

    @Test
    void noJudgementUntilTheSlotHasBeenSeenEnough() {
        // the first Monday, and the first Saturday after a learned week: nothing to compare with
        assertThat(day(MONDAY, jam(50)).values()).allMatch(s -> s.signal() == Signal.NONE && Double.isNaN(s.relative()));
        learnFiveWeekdays();
        assertThat(day(MONDAY.plusDays(5), jam(50)).values()).allMatch(s -> s.signal() == Signal.NONE);
    }

    @Test
    void weekendAndWeekdayAreLearnedApartInTheLocalZone() {
        // 2026-11-27 23:30 in Huế is Friday; in UTC it is 16:30 the same day. 2026-11-28 06:00 in Huế is Saturday.
        assertThat(RULE.slotOf(LocalDate.of(2026, 11, 27).atTime(23, 30).atZone(HUE).toInstant())).isEqualTo(94);
        assertThat(RULE.slotOf(LocalDate.of(2026, 11, 28).atTime(6, 0).atZone(HUE).toInstant())).isEqualTo(96 + 24);
        assertThat(RULE.profileSlots()).isEqualTo(192);
    }

    @Test
    void occupancyWellAboveTheUsualIsAJamToo() {
        for (int i = 0; i < 5; i++) {
            LocalDate d = MONDAY.plusDays(i);
            for (int m = 0; m < 24 * 60; m += 5) {
                state = CongestionDetector.step(RULE, state, TrafficReading.occupancy(12 + (m / 5 % 2)), d.atStartOfDay(HUE).plusMinutes(m).toInstant()).state();
            }
        }
        CongestionDetector.Step a = CongestionDetector.step(RULE, state, TrafficReading.occupancy(30), MONDAY.plusDays(7).atTime(8, 0).atZone(HUE).toInstant());
        CongestionDetector.Step b = CongestionDetector.step(RULE, a.state(), TrafficReading.occupancy(30), MONDAY.plusDays(7).atTime(8, 10).atZone(HUE).toInstant());
        assertThat(b.signal()).isEqualTo(Signal.STARTED);
        assertThat(b.severity(RULE)).isEqualTo(Incident.Severity.MEDIUM); // 12.5 usual over 30: 42 %
    }

    @Test
    void readingOlderThanTheLastOneChangesNothing() {
        learnFiveWeekdays();
        CongestionDetector.Step older = CongestionDetector.step(RULE, state, TrafficReading.speed(5), MONDAY.plusDays(2).atTime(8, 0).atZone(HUE).toInstant());
        assertThat(older.state()).isEqualTo(state);
        assertThat(older.signal()).isEqualTo(Signal.NONE);
    }

    @Test
    void badConfigurationIsRefusedWithAReason() {
        assertThatThrownBy(() -> new CongestionRule("c", HUE, Duration.ofMinutes(7), 0.1, 6, 3, 0.7, 0.85, 0.5, 0.3, 10,
                Duration.ofMinutes(10), Duration.ofMinutes(15), CongestionRule.SpeedUnit.KMH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule c").hasMessageContaining("slot length that divides a day");
        assertThatThrownBy(() -> new CongestionRule("c", HUE, Duration.ofMinutes(15), 0.1, 6, 3, 0.9, 0.85, 0.5, 0.3, 10,
                Duration.ofMinutes(10), Duration.ofMinutes(15), CongestionRule.SpeedUnit.KMH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fraction < clearFraction");
        assertThatThrownBy(() -> TrafficReading.speed(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("speed or an occupancy");
    }
}
