package vn.ioc.streaming.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Incident;
import vn.ioc.streaming.detect.FloodDetector.Step;

class FloodDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final FloodRule KIM_LONG = FloodRule.huongAtKimLong();
    /** A gauge in centimetres: alarm levels 100, 200, 350 cm, warning above 30 cm/h, clear below 90 cm for an hour. */
    private static final FloodRule GAUGE_CM = new FloodRule("gauge", "water_level", "cm", 100, 200, 350, 10,
            30, HOUR, 120, HOUR);

    private static List<Step> run(FloodRule rule, Duration every, double... levels) {
        FloodState s = FloodState.NORMAL;
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            Step step = FloodDetector.step(rule, s, levels[i], T0.plus(every.multipliedBy(i)));
            s = step.state();
            out.add(step);
        }
        return out;
    }

    /** The readings where the condition changed, as "index signal severity". */
    private static List<String> changes(List<Step> steps) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            BandSignal signal = steps.get(i).signal();
            if (signal != BandSignal.NONE && signal != BandSignal.HOLDS && signal != BandSignal.RECOVERING) {
                out.add(i + " " + signal + " " + steps.get(i).state().severity());
            }
        }
        return out;
    }

    @Test
    void eachAlarmLevelInTurnRaisesTheSeverityAndTheFallLowersIt() {
        // 80 cm rising 5 cm every 15 min (20 cm/h, under the 30 cm/h warning) to 360 cm, then falling as fast to 60 cm
        List<Double> levels = new ArrayList<>();
        for (int cm = 80; cm <= 360; cm += 5) {
            levels.add((double) cm);
        }
        for (int cm = 355; cm >= 60; cm -= 5) {
            levels.add((double) cm);
        }
        List<Step> steps = run(GAUGE_CM, QUARTER_HOUR, levels.stream().mapToDouble(Double::doubleValue).toArray());
        // 100 cm is reading 4, 200 cm reading 24, 350 cm reading 54; the peak 360 is reading 56,
        // 345 reading 59, 195 reading 89, 95 reading 109, 85 (below 100 - 10) reading 111
        assertThat(changes(steps)).containsExactly(
                "4 STARTED MEDIUM",
                "24 RAISED HIGH",
                "54 RAISED CRITICAL",
                "59 LOWERED HIGH",
                "89 LOWERED MEDIUM",
                // an hour after 85 cm at reading 111
                "115 ENDED null");
        assertThat(steps.subList(109, 115)).extracting(Step::signal).containsOnly(BandSignal.RECOVERING);
        assertThat(steps.get(110).state().phase()).as("90 cm is not below 100 - 10").isEqualTo(FloodState.Phase.ACTIVE);
        assertThat(steps.get(111).state().phase()).isEqualTo(FloodState.Phase.CLEARING);
        assertThat(steps.get(116).signal()).isEqualTo(BandSignal.NONE);
        assertThat(steps).extracting(Step::risePerHour).filteredOn(r -> !Double.isNaN(r)).allMatch(r -> r < 30);
    }

    @Test
    void fastRiseBelowLevelOneGivesAnEarlyWarning() {
        // every 10 min: 0.40 m for an hour, then +0.12 m a reading (0.72 m/h).
        // 01:20, window 00:20-01:20 = 0.40 x5, 0.52, 0.64: the fit without its worst reading (the last 0.40) is 0.23 m/h.
        // 01:30, window 00:30-01:30 = 0.40 x4, 0.52, 0.64, 0.76: 0.36 m/h > 0.3 -> LOW, with the level still 0.24 m under level I.
        // 01:50, 1.00 m: level I and rising -> one step over MEDIUM.
        List<Step> steps = run(KIM_LONG, TEN_MINUTES, 0.40, 0.40, 0.40, 0.40, 0.40, 0.40, 0.40, 0.52, 0.64, 0.76, 0.88, 1.00);
        assertThat(changes(steps)).containsExactly("9 STARTED LOW", "11 RAISED HIGH");
        assertThat(steps.get(8).risePerHour()).isCloseTo(0.228, within(0.001));
        assertThat(steps.get(9).risePerHour()).isCloseTo(0.36, within(0.001));
        assertThat(steps.get(10).state().severity()).isEqualTo(Incident.Severity.LOW);
    }

    @Test
    void oneSpikeDoesNotTriggerTheRateRule() {
        // 0.20 m every 10 min with one 0.95 m reading at 01:10: as the newest reading of the window a plain
        // least-squares slope would read 0.48 m/h; the fit without the worst reading reads 0
        double[] levels = new double[15];
        Arrays.fill(levels, 0.20);
        levels[7] = 0.95;
        List<Step> steps = run(KIM_LONG, TEN_MINUTES, levels);
        assertThat(steps).extracting(Step::signal).containsOnly(BandSignal.NONE);
        assertThat(steps.subList(3, 15)).extracting(Step::risePerHour).allMatch(r -> Math.abs(r) < 1e-9);
    }

    @Test
    void rateNeedsReadingsOverHalfTheWindow() {
        // four readings five minutes apart cover 15 min of the hour: a steep 1.2 m/h start says nothing yet
        List<Step> steps = run(KIM_LONG, Duration.ofMinutes(5), 0.20, 0.30, 0.40, 0.50);
        assertThat(steps).extracting(Step::signal).containsOnly(BandSignal.NONE);
        assertThat(steps.get(3).risePerHour()).isNaN();
    }

    @Test
    void levelBackUpWhileClearingKeepsTheSameCondition() {
        List<Step> steps = run(GAUGE_CM, QUARTER_HOUR, 110, 105, 85, 85, 85, 105, 85, 85, 85, 85, 85);
        assertThat(changes(steps)).containsExactly("0 STARTED MEDIUM", "10 ENDED null");
        assertThat(steps.get(5).signal()).isEqualTo(BandSignal.HOLDS);
    }

    @Test
    void readingOlderThanTheLastOneChangesNothing() {
        Step started = FloodDetector.step(KIM_LONG, FloodState.NORMAL, 2.3, T0.plusSeconds(600));
        assertThat(started.signal()).isEqualTo(BandSignal.STARTED);
        assertThat(started.state().severity()).isEqualTo(Incident.Severity.HIGH);
        Step older = FloodDetector.step(KIM_LONG, started.state(), 0.2, T0);
        assertThat(older.state()).isEqualTo(started.state());
        assertThat(older.signal()).isEqualTo(BandSignal.NONE);
    }

    @Test
    void stateKeepsOnlyTheWindowAndAtMostMaxReadings() {
        FloodRule few = new FloodRule("few", "water_level", "m", 1, 2, 3.5, 0.1, 0.3, HOUR, 5, HOUR);
        double[] levels = new double[30];
        List<Step> steps = run(few, Duration.ofMinutes(1), levels);
        assertThat(steps.get(29).state().readings()).hasSize(5);
        List<Step> sparse = run(KIM_LONG, Duration.ofMinutes(25), new double[10]);
        assertThat(sparse.get(9).state().readings()).hasSize(3); // 60 min back from the last: readings at -50, -25, 0 min
    }

    @Test
    void nonFiniteLevelIsRefused() {
        assertThatThrownBy(() -> FloodDetector.step(KIM_LONG, FloodState.NORMAL, Double.NaN, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite water level in m but was NaN");
    }

    @Test
    void badConfigurationIsRefusedWithAReason() {
        assertThatThrownBy(() -> new FloodRule("r", "water_level", "m", 2.0, 1.0, 3.5, 0.1, 0.3, HOUR, 120, HOUR))
                .hasMessageContaining("flood rule r").hasMessageContaining("I < II < III but was 2.0, 1.0, 3.5");
        assertThatThrownBy(() -> new FloodRule("r", "water_level", "m", 1.0, 2.0, 3.5, 0.1, 0, HOUR, 120, HOUR))
                .hasMessageContaining("positive rise rate but was 0.0 m/h");
        assertThatThrownBy(() -> new FloodRule("r", "water_level", " ", 1.0, 2.0, 3.5, 0.1, 0.3, HOUR, 120, HOUR))
                .hasMessageContaining("unit");
        assertThatThrownBy(() -> new FloodRule("r", "water_level", "m", 1.0, 2.0, 3.5, -0.1, 0.3, HOUR, 120, HOUR))
                .hasMessageContaining("clearing margin of 0 or more but was -0.1");
        assertThatThrownBy(() -> new FloodRule("r", "water_level", "m", 1.0, 2.0, 3.5, 0.1, 0.3, Duration.ZERO, 120, HOUR))
                .hasMessageContaining("positive rise window");
        assertThatThrownBy(() -> new FloodRule("r", "water_level", "m", 1.0, 2.0, 3.5, 0.1, 0.3, HOUR, 3, HOUR))
                .hasMessageContaining("maxReadings of at least 4 but was 3");
    }

    @Test
    void kimLongLevelsAreTheHuongRiverAlarmLevels() {
        assertThat(KIM_LONG.unit()).isEqualTo("m");
        assertThat(KIM_LONG.severityAt(0.99, false)).isNull();
        assertThat(KIM_LONG.severityAt(1.0, false)).isEqualTo(Incident.Severity.MEDIUM);
        assertThat(KIM_LONG.severityAt(2.0, false)).isEqualTo(Incident.Severity.HIGH);
        assertThat(KIM_LONG.severityAt(3.5, false)).isEqualTo(Incident.Severity.CRITICAL);
        assertThat(KIM_LONG.severityAt(3.5, true)).isEqualTo(Incident.Severity.CRITICAL);
        assertThat(KIM_LONG.severityAt(0.5, true)).isEqualTo(Incident.Severity.LOW);
    }
}
