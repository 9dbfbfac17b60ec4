package vn.ioc.streaming.detect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Incident;

class DetectorRulesTest {

    private static DetectorRules parse(String yaml) {
        return DetectorRules.load(new ByteArrayInputStream(yaml.getBytes(UTF_8)));
    }

    @Test
    void shippedRulesCoverTheReplayedDeviceTypes() {
        DetectorRules rules = DetectorRules.defaults();
        assertThat(rules.forType("traffic-loop")).extracting(ThresholdRule::metric).containsExactly("speed", "occupancy");
        assertThat(rules.forType("travel-time")).extracting(ThresholdRule::metric).containsExactly("travel_time");
        ThresholdRule slow = rules.forType("traffic-loop").get(0);
        assertThat(slow.direction()).isEqualTo(ThresholdRule.Direction.BELOW);
        assertThat(slow.enter()).isEqualTo(40);
        assertThat(slow.exit()).isEqualTo(55);
        assertThat(slow.minDuration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(slow.type()).isEqualTo(Incident.Type.CONGESTION);
    }

    @Test
    void unknownDeviceTypeHasNoRules() {
        assertThat(DetectorRules.defaults().forType("coffee-machine")).isEmpty();
        assertThat(DetectorRules.defaults().forType(null)).isEmpty();
    }

    @Test
    void compressedRulesShrinkEveryDuration() {
        DetectorRules fast = DetectorRules.defaults().compressed(300);
        assertThat(fast.forType("traffic-loop").get(0).minDuration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(fast.forType("travel-time").get(0).clearAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void ruleWithBothDirectionsIsRejectedWithItsName() {
        assertThatThrownBy(() -> parse("loop:\n  - {id: r1, metric: speed, above: 1, below: 2, type: CONGESTION}"))
                .hasMessageContaining("device type loop, rule 'r1'").hasMessageContaining("exactly one of 'above' or 'below'");
    }

    @Test
    void badDurationIsRejectedWithAnExample() {
        assertThatThrownBy(() -> parse("loop:\n  - {id: r1, metric: speed, below: 2, for: 10min, type: CONGESTION}"))
                .hasMessageContaining("PT10M").hasMessageContaining("10min");
    }

    @Test
    void unknownIncidentTypeIsRejected() {
        assertThatThrownBy(() -> parse("loop:\n  - {id: r1, metric: speed, below: 2, type: TRAFFIC_JAM}"))
                .hasMessageContaining("rule 'r1'");
    }

    @Test
    void anomalyRulesAreReadWithTheirDefaultsAndShrinkWhenCompressed() {
        DetectorRules rules = parse("""
                loop:
                  - id: unusual-speed
                    kind: anomaly
                    metric: speed
                  - id: rare-speed
                    kind: anomaly
                    metric: speed
                    alarmLevel: 0.995
                    severity: MEDIUM
                    clearAfter: PT1H
                """);
        assertThat(rules.forType("loop")).isEmpty();
        AnomalyRule first = rules.anomalyRulesFor("loop").get(0);
        assertThat(first.alarmLevel()).isEqualTo(vn.ioc.streaming.anomaly.AnomalyDetector.ALARM);
        assertThat(first.severity()).isEqualTo(vn.ioc.ingest.contract.Incident.Severity.LOW);
        assertThat(first.clearAfter()).isEqualTo(java.time.Duration.ofMinutes(30));
        AnomalyRule second = rules.anomalyRulesFor("loop").get(1);
        assertThat(second.alarmLevel()).isEqualTo(0.995);
        assertThat(rules.compressed(60).anomalyRulesFor("loop").get(1).clearAfter()).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(DetectorRules.defaults().anomalyRulesFor("traffic-loop")).extracting(AnomalyRule::metric)
                .containsExactly("speed", "occupancy");
    }

    @Test
    void unknownKindOrAlarmLevelIsRejectedWithTheRule() {
        assertThatThrownBy(() -> parse("loop:\n  - {id: x, kind: magic, metric: speed}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule 'x'").hasMessageContaining("'magic'");
        assertThatThrownBy(() -> parse("loop:\n  - {id: y, kind: anomaly, metric: speed, alarmLevel: 1.5}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule 'y'").hasMessageContaining("1.5");
    }

    @Test
    void flatLineRulesNeedHowLongAndShrinkWhenCompressed() {
        DetectorRules rules = parse("loop:\n  - {id: stuck, kind: flat-line, metric: speed, for: PT4H, tolerance: 0.5}\n");
        FlatLineRule r = rules.flatLineRulesFor("loop").get(0);
        assertThat(r.tolerance()).isEqualTo(0.5);
        assertThat(r.minReadings()).isEqualTo(50);
        assertThat(rules.compressed(240).flatLineRulesFor("loop").get(0).stuckFor()).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> parse("loop:\n  - {id: stuck, kind: flat-line, metric: speed}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule 'stuck'").hasMessageContaining("'for'");
    }

    @Test
    void missingDataRulesAreReadPerMetricAndShrinkWhenCompressed() {
        DetectorRules rules = parse("loop:\n  - {id: quiet, kind: missing-data, metric: speed, minInterval: PT1M}\n");
        MissingDataWatch w = rules.missingDataFor("loop").get(0);
        assertThat(w.metric()).isEqualTo("speed");
        assertThat(w.rule().factor()).isEqualTo(3);
        assertThat(w.rule().maxInterval()).isEqualTo(Duration.ofHours(6));
        assertThat(rules.compressed(60).missingDataFor("loop").get(0).rule().minInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> parse("loop:\n  - {id: quiet, kind: missing-data, metric: speed, factor: 1}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule 'quiet'").hasMessageContaining("factor");
    }

    @Test
    void floodRulesNeedTheirLevelsAndTheShippedOneIsTheHuongAtKimLong() {
        FloodRule shipped = DetectorRules.defaults().floodRulesFor("river-gauge").get(0);
        assertThat(shipped).isEqualTo(FloodRule.huongAtKimLong());
        assertThat(DetectorRules.defaults().compressed(60).floodRulesFor("river-gauge").get(0).risePerHour()).isEqualTo(18.0);
        assertThatThrownBy(() -> parse("g:\n  - {id: f, kind: flood, metric: level, unit: m, level1: 1, level2: 2, risePerHour: 0.3}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule 'f'").hasMessageContaining("'level3'");
    }

    @Test
    void congestionProfilesAreReadWithTheirZoneAndLeftOutOfAReplay() {
        DetectorRules rules = DetectorRules.defaults();
        CongestionWatch w = rules.congestionFor("traffic-loop").get(0);
        assertThat(w.rule().zone()).isEqualTo(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(w.reading("speed", 42).speed()).isEqualTo(42);
        assertThat(w.reading("occupancy", 12).occupancy()).isEqualTo(12);
        assertThat(w.reading("travel_time", 300)).isNull();
        assertThat(rules.compressed(300).congestionFor("traffic-loop")).isEmpty();
        assertThatThrownBy(() -> parse("loop:\n  - {id: p, kind: congestion-profile, zone: Mars/Olympus}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule 'p'").hasMessageContaining("Mars/Olympus");
    }

    @Test
    void driftRulesAreReadWithTheirDefaultsAndTheShippedOneWatchesPm25() {
        DriftRule shipped = DetectorRules.defaults().driftFor("air-quality").get(0);
        assertThat(shipped.metric()).isEqualTo("pm2_5");
        assertThat(shipped.type()).isEqualTo(Incident.Type.SENSOR_DRIFT);
        assertThat(shipped.severity()).isEqualTo(Incident.Severity.LOW);
        assertThat(shipped.minNeighbours()).isEqualTo(3);
        assertThat(shipped.period()).isEqualTo(Duration.ofHours(1));
        assertThat(shipped.baseline()).isEqualTo(Duration.ofDays(7));
        assertThat(shipped.recent()).isEqualTo(Duration.ofDays(1));
        assertThat(shipped.minDeparture()).isEqualTo(5);
        assertThat(shipped.minShare()).isEqualTo(0.1);
        assertThat(DetectorRules.defaults().driftFor("water-level")).isEmpty();
        assertThat(DetectorRules.defaults().driftFor(null)).isEmpty();

        DriftRule r = parse("""
                gauge:
                  - {id: level-drift, kind: drift, metric: level, unit: cm, minDeparture: 2, minNeighbours: 4, period: PT30M,
                     baseline: P3D, warmUp: P1D, recent: PT6H, departure: 3, for: PT1H, clearFraction: 0.25, clearAfter: PT2H,
                     severity: MEDIUM}
                """).driftFor("gauge").get(0);
        assertThat(r).isEqualTo(new DriftRule("level-drift", "level", 4, Duration.ofMinutes(30), Duration.ofDays(3), Duration.ofDays(1),
                Duration.ofHours(6), 3, 2, 0, Duration.ofHours(1), 0.25, Duration.ofHours(2), Incident.Severity.MEDIUM, "cm"));
        DriftRule fast = parse("gauge:\n  - {id: d, kind: drift, metric: level, minDeparture: 2}\n").compressed(60)
                .driftFor("gauge").get(0);
        assertThat(fast.period()).isEqualTo(Duration.ofMinutes(1));
        assertThat(fast.baseline()).as("the same 168 periods").isEqualTo(Duration.ofMinutes(168));
    }

    @Test
    void driftRulesNeedAMinimumDepartureWholePeriodsAndAMaintenanceSeverity() {
        assertThatThrownBy(() -> parse("g:\n  - {id: d, kind: drift, metric: level}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule 'd'").hasMessageContaining("'minDeparture'");
        assertThatThrownBy(() -> parse("g:\n  - {id: d, kind: drift, metric: level, minDeparture: 1, recent: PT90M}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule 'd'")
                .hasMessageContaining("whole number of periods");
        assertThatThrownBy(() -> parse("g:\n  - {id: d, kind: drift, metric: level, minDeparture: 1, severity: HIGH}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOW or MEDIUM").hasMessageContaining("HIGH");
        assertThatThrownBy(() -> parse("g:\n  - {id: d1, kind: drift, metric: level, minDeparture: 1}\n"
                + "  - {id: d2, kind: drift, metric: level, minDeparture: 2}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("device type g")
                .hasMessageContaining("one drift rule per metric");
    }
}
