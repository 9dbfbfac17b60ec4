package vn.ioc.edge.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import tools.jackson.dataformat.yaml.YAMLMapper;

import vn.ioc.edge.Units;
import vn.ioc.ingest.contract.Measurement;

/** CSV and SenML files replayed as sensors: order, values, units, spacing, loops. */
class ReplayTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private final SensorAdapters adapters = new SensorAdapters(SensorAdapters.filesIn(java.nio.file.Path.of(".")), Clock.systemUTC());

    private static Instant at(String local) {
        return LocalDateTime.parse(local).toInstant(ZoneOffset.UTC);
    }

    private ReplayAdapter adapter(String yaml) throws Exception {
        return (ReplayAdapter) adapters.create("loop-1", new YAMLMapper().readTree(yaml), "sensor 'loop-1'");
    }

    private static final String TWO_CSV_SERIES = """
            type: csv
            speedup: 300
            series:
              - {metric: speed, unit: km/h, recordedUnit: mph, file: 'classpath:sensors/loop-speed.csv'}
              - {metric: occupancy, unit: '%', file: 'classpath:sensors/loop-occupancy.csv'}
            """;

    @Test
    void csvSeriesMergeInTimeOrderWithUnitsAndConvertedValues() throws Exception {
        Recording r = adapter(TWO_CSV_SERIES).recording();

        assertThat(r.batches()).hasSize(4);
        assertThat(r.batches().get(0)).containsExactly(
                new Measurement("speed", "km/h", Units.mphToKmh(30), at("2015-09-01T07:00")),
                new Measurement("occupancy", "%", 4.5, at("2015-09-01T07:00")));
        assertThat(r.batches().get(1)).containsExactly(new Measurement("speed", "km/h", Units.mphToKmh(35.5), at("2015-09-01T07:05")));
        assertThat(r.batches().get(2)).extracting(Measurement::metric).containsExactly("speed", "occupancy");
        assertThat(r.batches().get(3)).containsExactly(new Measurement("speed", "km/h", Units.mphToKmh(28), at("2015-09-01T07:20")));
    }

    @Test
    void batchesAreDueAtTheirRecordedSpacingDividedByTheSpeedUp() throws Exception {
        ReplaySchedule s = new ReplaySchedule(adapter(TWO_CSV_SERIES).recording(), 300, false, ReplaySchedule.Stamp.REPLAY, T0);

        assertThat(s.takeDue(T0)).hasSize(1);
        assertThat(s.nextDue()).isEqualTo(T0.plusSeconds(1)); // 5 minutes at 300x
        assertThat(s.takeDue(T0.plusMillis(999))).isEmpty();
        List<List<Measurement>> due = s.takeDue(T0.plusSeconds(2));
        assertThat(due).hasSize(2);
        assertThat(due.get(1).get(0).time()).as("stamped with the time it was due").isEqualTo(T0.plusSeconds(2));
        assertThat(s.nextDue()).isEqualTo(T0.plusSeconds(4)); // the 10-minute gap to 07:20
        assertThat(s.takeDue(T0.plusSeconds(3600))).hasSize(1);
        assertThat(s.ended()).isTrue();
        assertThat(s.takeDue(T0.plusSeconds(7200))).isEmpty();
    }

    @Test
    void loopStartsOverWithRecordedTimesOneRecordingLater() throws Exception {
        Recording r = adapter(TWO_CSV_SERIES).recording();
        ReplaySchedule s = new ReplaySchedule(r, 1, true, ReplaySchedule.Stamp.RECORDED, T0);

        List<List<Measurement>> due = s.takeDue(T0.plus(Duration.ofMinutes(30)));

        // 07:00, 07:05, 07:10, 07:20 and, one typical gap (5 min) after the last, 07:25 as the first again.
        assertThat(due).hasSize(6);
        assertThat(s.loops()).isEqualTo(1);
        assertThat(due.get(4).get(0).value()).isEqualTo(Units.mphToKmh(30));
        assertThat(due.get(4).get(0).time()).isEqualTo(at("2015-09-01T07:25"));
        assertThat(due.get(5).get(0).time()).isEqualTo(at("2015-09-01T07:30"));
    }

    @Test
    void senmlFileReplaysInTimeOrderWithBaseFieldsApplied() throws Exception {
        ReplayAdapter a = adapter("{type: senml, file: 'classpath:sensors/air-station.senml.json', speedup: 10}");
        Recording r = a.recording();
        Instant bt = Instant.ofEpochSecond(1_795_400_000L);

        assertThat(r.batches()).hasSize(3);
        assertThat(r.batches().get(0)).containsExactly(
                new Measurement("pm2_5", "ug/m3", 35.2, bt),
                new Measurement("pm10", "ug/m3", 51, bt),
                new Measurement("temperature", "Cel", 29.5, bt));
        assertThat(r.batches().get(1)).containsExactly(new Measurement("temperature", "Cel", 29.7, bt.plusSeconds(30)));
        assertThat(r.batches().get(2)).containsExactly(
                new Measurement("pm2_5", "ug/m3", 37.0, bt.plusSeconds(60)),
                new Measurement("pm10", "ug/m3", 49.5, bt.plusSeconds(60)));
    }

    @Test
    void adapterDeliversEveryBatchInOrderOnItsThread() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (ReplayAdapter a = adapter("{type: senml, file: 'classpath:sensors/air-station.senml.json', speedup: 600}")) {
            a.start((sensor, readings) -> readings.forEach(m -> seen.add(sensor + " " + m.metric() + "=" + m.value())));
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() == 6);
        }
        assertThat(seen).containsExactly("loop-1 pm2_5=35.2", "loop-1 pm10=51.0", "loop-1 temperature=29.5",
                "loop-1 temperature=29.7", "loop-1 pm2_5=37.0", "loop-1 pm10=49.5");
    }
}
