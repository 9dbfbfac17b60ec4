package vn.ioc.streaming.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Incident;
import vn.ioc.streaming.detect.AirQualityDetector.Step;

class AirQualityDetectorTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-11-23T00:00:00Z");
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final AirQualityRule RULE = AirQualityRule.VN_AQI;

    /** Six PM2.5 readings an hour, alternating 5 µg/m³ under and over the hour's mean. */
    private static List<Step> day(AirQualityRule rule, int... hourlyMeans) {
        AirQualityState s = AirQualityState.EMPTY;
        List<Step> steps = new ArrayList<>();
        for (int h = 0; h < hourlyMeans.length; h++) {
            for (int k = 0; k < 6; k++) {
                Instant at = MIDNIGHT.plus(Duration.ofHours(h)).plus(TEN_MINUTES.multipliedBy(k));
                Step step = AirQualityDetector.step(rule, s, "pm25", hourlyMeans[h] + (k % 2 == 0 ? -5 : 5), at);
                s = step.state();
                steps.add(step);
            }
        }
        return steps;
    }

    private static String describe(Step s, int index) {
        Instant at = MIDNIGHT.plus(TEN_MINUTES.multipliedBy(index));
        AirQualityBand condition = s.state().band();
        return at.toString().substring(11, 16) + " " + s.signal() + " " + s.aqi().band() + " " + s.aqi().aqi()
                + " " + (condition == null ? "-" : condition.severity().orElseThrow());
    }

    @Test
    void dayOfReadingsRisesIntoBadAirAndBack() {
        // Hourly means: 00-05h 20, 06-08h 60, 09-11h 120, 12-14h 60, then 15.
        // By hand (NowCast newest first, w floored at 0.5 whenever min/max < 0.5):
        //  hour 07-08: 60,60,20x6 -> 50.12, AQI 100.2 -> 100: still moderate, nothing happens at 08:00
        //  hour 08-09: 60,60,60,20x6 -> (60 x 1.75 + 20 x 0.2461) / 1.9961 = 55.07 -> 108 poor: starts, LOW, at 09:00
        //  hour 09-10: 120,60x3,20x6 -> (120 + 60 x 0.875 + 20 x 0.1230) / 1.9980 = 87.57 -> 155 bad: MEDIUM at 10:00
        //  hour 12-13: 60,120x3,60x3,20x6 -> 85.95 -> 154, still bad at 13:00
        //  hour 13-14: 60x2,120x3,60x3,20x6 -> 72.98 -> 138 poor: LOW again at 14:00
        //  hour 14-15: 66.50 -> 127 poor; hour 15-16: 15,60x3,120x3,60x3,20x2 -> 40.75 -> 81 moderate: ends at 16:00
        int[] means = new int[24];
        for (int h = 0; h < 24; h++) {
            means[h] = h < 6 ? 20 : h < 9 ? 60 : h < 12 ? 120 : h < 15 ? 60 : 15;
        }
        List<Step> steps = day(RULE, means);
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            BandSignal signal = steps.get(i).signal();
            if (signal != BandSignal.NONE && signal != BandSignal.HOLDS) {
                changes.add(describe(steps.get(i), i));
            }
        }
        assertThat(changes).containsExactly(
                "09:00 STARTED POOR 108 LOW",
                "10:00 RAISED BAD 155 MEDIUM",
                "14:00 LOWERED POOR 138 LOW",
                "16:00 ENDED MODERATE 81 -");
        // the first hour alone has no NowCast (2 of the last 3 hours are needed); the second has
        assertThat(steps.get(6).aqi()).isNull();
        assertThat(steps.get(12).aqi().aqi()).isEqualTo(40);
        assertThat(steps.get(48).aqi().aqi()).isEqualTo(100);
        assertThat(steps.get(78).aqi().aqi()).isEqualTo(154);
        // readings within an hour only go into its mean: one assessment per hour
        assertThat(steps).filteredOn(s -> s.aqi() != null).hasSize(22);
        assertThat(steps.get(steps.size() - 1).state().pm25().hours()).hasSize(12).first().isEqualTo(15.0);
    }

    @Test
    void conditionEndsOnlyAfterTheConfiguredHoursBackBelowTheAlarm() {
        // one reading an hour: 100, 100, 100, then 10. Hour 3: 52.0 -> 103 poor; hour 4: 30.3 -> 61; hour 5: 20.0 -> 40
        AirQualityRule twoHours = new AirQualityRule("aq", AirQualityBand.POOR, 2);
        AirQualityState s = AirQualityState.EMPTY;
        List<BandSignal> signals = new ArrayList<>();
        double[] values = {100, 100, 100, 10, 10, 10, 10};
        for (int h = 0; h < values.length; h++) {
            Step step = AirQualityDetector.step(twoHours, s, "pm25", values[h], MIDNIGHT.plus(Duration.ofHours(h)).plusSeconds(1800));
            s = step.state();
            signals.add(step.signal());
        }
        // hour 0 has no NowCast, hour 1 starts (bad), hour 2 holds, hour 3 poor, hour 4 moderate, hour 5 good
        assertThat(signals).containsExactly(BandSignal.NONE, BandSignal.NONE, BandSignal.STARTED, BandSignal.HOLDS, BandSignal.LOWERED, BandSignal.RECOVERING, BandSignal.ENDED);
    }

    @Test
    void badAirWhileRecoveringKeepsTheSameCondition() {
        AirQualityRule twoHours = new AirQualityRule("aq", AirQualityBand.POOR, 2);
        AirQualityState s = AirQualityState.EMPTY;
        List<BandSignal> signals = new ArrayList<>();
        double[] values = {100, 100, 100, 10, 10, 200, 200};
        for (int h = 0; h < values.length; h++) {
            Step step = AirQualityDetector.step(twoHours, s, "pm25", values[h], MIDNIGHT.plus(Duration.ofHours(h)));
            s = step.state();
            signals.add(step.signal());
        }
        assertThat(signals).filteredOn(x -> x == BandSignal.STARTED).hasSize(1);
        assertThat(signals).doesNotContain(BandSignal.ENDED);
        assertThat(signals.get(5)).isEqualTo(BandSignal.RECOVERING);
        assertThat(signals.get(6)).isEqualTo(BandSignal.RAISED);
    }

    @Test
    void pm10CanDriveTheIndex() {
        AirQualityState s = AirQualityState.EMPTY;
        Step step = null;
        for (int h = 0; h < 3; h++) {
            Instant at = MIDNIGHT.plus(Duration.ofHours(h));
            s = AirQualityDetector.step(RULE, s, "pm25", 20, at).state();
            step = AirQualityDetector.step(RULE, s, "pm10", 385, at.plusSeconds(60));
            s = step.state();
        }
        // PM2.5 20 -> 40, PM10 385 -> 250: very bad air, HIGH, from PM10
        assertThat(step.signal()).isEqualTo(BandSignal.NONE);
        Step closed = AirQualityDetector.advance(RULE, s, MIDNIGHT.plus(Duration.ofHours(3)));
        assertThat(closed.aqi().dominant()).isEqualTo(AirQualityIndex.Pollutant.PM10);
        assertThat(closed.aqi().aqi()).isEqualTo(250);
        assertThat(closed.state().band().severity()).contains(Incident.Severity.HIGH);
    }

    @Test
    void timerAssessesTheHourWithoutWaitingForTheNextReading() {
        AirQualityState s = AirQualityState.EMPTY;
        s = AirQualityDetector.step(RULE, s, "pm25", 120, MIDNIGHT).state();
        s = AirQualityDetector.step(RULE, s, "pm25", 120, MIDNIGHT.plus(Duration.ofMinutes(70))).state();
        assertThat(AirQualityDetector.advance(RULE, s, MIDNIGHT.plus(Duration.ofMinutes(119))).signal()).isEqualTo(BandSignal.NONE);
        Step timer = AirQualityDetector.advance(RULE, s, MIDNIGHT.plus(Duration.ofHours(2)));
        assertThat(timer.signal()).isEqualTo(BandSignal.STARTED);
        assertThat(timer.aqi().hourEnding()).isEqualTo(MIDNIGHT.plus(Duration.ofHours(2)));
        // a reading for the hour just assessed is too late
        Step late = AirQualityDetector.step(RULE, timer.state(), "pm25", 500, MIDNIGHT.plus(Duration.ofMinutes(100)));
        assertThat(late.state()).isEqualTo(timer.state());
        assertThat(late.signal()).isEqualTo(BandSignal.NONE);
    }

    @Test
    void readingForAnEarlierHourChangesNothing() {
        AirQualityState s = AirQualityDetector.step(RULE, AirQualityState.EMPTY, "pm25", 30, MIDNIGHT.plus(Duration.ofHours(2))).state();
        Step older = AirQualityDetector.step(RULE, s, "pm25", 300, MIDNIGHT.plus(Duration.ofMinutes(90)));
        assertThat(older.state()).isEqualTo(s);
        assertThat(older.signal()).isEqualTo(BandSignal.NONE);
    }

    @Test
    void negativeConcentrationIsRefusedAndLeavesTheStateAsItWas() {
        AirQualityState s = AirQualityDetector.step(RULE, AirQualityState.EMPTY, "pm25", 30, MIDNIGHT).state();
        assertThatThrownBy(() -> AirQualityDetector.step(RULE, s, "pm25", -4, MIDNIGHT.plusSeconds(600)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but was -4.0");
        assertThatThrownBy(() -> AirQualityDetector.step(RULE, s, "pm10", Double.NaN, MIDNIGHT.plusSeconds(600)))
                .hasMessageContaining("but was NaN");
        AirQualityState next = AirQualityDetector.step(RULE, s, "pm25", 10, MIDNIGHT.plusSeconds(1200)).state();
        assertThat(next.pm25().sum()).isEqualTo(40);
        assertThat(next.pm25().count()).isEqualTo(2);
    }

    @Test
    void otherMetricIsRefused() {
        assertThatThrownBy(() -> AirQualityDetector.step(RULE, AirQualityState.EMPTY, "no2", 30, MIDNIGHT))
                .hasMessageContaining("expected metric pm25 or pm10 but was 'no2'");
    }

    @Test
    void historyStaysBoundedAndGapsCountAsMissingHours() {
        AirQualityState s = AirQualityState.EMPTY;
        for (int h = 0; h < 40; h++) {
            s = AirQualityDetector.step(RULE, s, "pm25", 30, MIDNIGHT.plus(Duration.ofHours(h))).state();
        }
        assertThat(s.pm25().hours()).hasSize(12);
        // three quiet hours: the hour before them closes, the gap is missing, no NowCast at the next hour
        Step after = AirQualityDetector.step(RULE, s, "pm25", 30, MIDNIGHT.plus(Duration.ofHours(43)));
        assertThat(after.state().pm25().hours().subList(0, 4)).containsExactly(Double.NaN, Double.NaN, Double.NaN, 30.0);
        Step next = AirQualityDetector.step(RULE, after.state(), "pm25", 30, MIDNIGHT.plus(Duration.ofHours(44)));
        assertThat(next.aqi()).isNull();
    }

    @Test
    void ruleThatWouldNeverRaiseAnIncidentIsRefused() {
        assertThatThrownBy(() -> new AirQualityRule("aq", AirQualityBand.MODERATE, 1))
                .hasMessageContaining("rule aq").hasMessageContaining("poor or worse").hasMessageContaining("moderate");
        assertThatThrownBy(() -> new AirQualityRule("aq", AirQualityBand.POOR, 0))
                .hasMessageContaining("clearAfterHours of 1 or more but was 0");
    }
}
