package vn.ioc.streaming.job;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.functions.FromElementsGeneratorFunction;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.source.MqttRecord;
import vn.ioc.ingest.testing.TestDatabase;
import vn.ioc.streaming.detect.DetectorRules;
import vn.ioc.streaming.sink.DbSettings;
import vn.ioc.streaming.sink.Sinks;
import vn.ioc.streaming.testing.EdgeMessages;

/**
 * The job's own metrics as a metric reporter sees them, after a known input on a MiniCluster
 * with parallelism 2 and the production PostgreSQL sinks: decoded observations, dead letters
 * (in all and per kind of topic), incident changes and the rows the sinks wrote equal what the
 * input holds and what the database got; the event-time lag is the wall clock minus the
 * input's event times.
 */
class JobMetricsIT {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");
    private static final Duration SAMPLE = Duration.ofMinutes(5);
    private static final double[] SPEEDS = {70, 68, 72, 31, 28, 25, 24, 30, 33, 66, 70, 71, 72, 70, 69, 70};
    private static final String[] SITES = {"met-phuhoi", "met-vinhninh", "met-vida"};

    private final TestDatabase db = TestDatabase.freshSchema();

    @AfterEach
    void dropSchema() {
        db.drop();
    }

    @Test
    void countsEqualTheInputAndTheRowsStored() throws Exception {
        List<MqttRecord> input = new ArrayList<>();
        for (int i = 0; i < SITES.length; i++) {
            input.add(EdgeMessages.birth(EdgeMessages.loopSite(SITES[i], 16.46 + i * 0.01, 107.59, T0), T0.toEpochMilli()));
        }
        for (int k = 0; k < SPEEDS.length; k++) {
            for (String site : SITES) {
                input.add(EdgeMessages.speed(site, k, SPEEDS[k], T0.plusSeconds(30).plus(SAMPLE.multipliedBy(k))));
            }
        }
        input.add(new MqttRecord(Topics.sensorObservations(SITES[0], "loop-1"), "{\"not\":\"senml\"}".getBytes(UTF_8), T0.toEpochMilli()));
        input.add(new MqttRecord("ioc/v1/" + SITES[1] + "/nothing/we/read", "{}".getBytes(UTF_8), T0.toEpochMilli()));
        int observations = SITES.length * SPEEDS.length;
        Instant newestEvent = T0.plusSeconds(30).plus(SAMPLE.multipliedBy(SPEEDS.length - 1));

        InMemoryReporter reporter = InMemoryReporter.createWithRetainedMetrics();
        Configuration conf = reporter.addToConfiguration(new Configuration());
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        var source = new DataGeneratorSource<>(new FromElementsGeneratorFunction<>(TypeInformation.of(MqttRecord.class),
                input.toArray(MqttRecord[]::new)), input.size(), TypeInformation.of(MqttRecord.class));
        DbSettings settings = new DbSettings(db.jdbcUrl(), null, null);
        var options = new DetectionOptions(DetectorRules.defaults(), Duration.ofMinutes(12), Duration.ofSeconds(5),
                Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofSeconds(30));
        new IncidentJob(source, Sinks.observations(settings), Sinks.incidents(settings, null), Sinks.sites(settings),
                Sinks.deadLetters(settings), options).build(env);
        long started = System.currentTimeMillis();
        JobExecutionResult result = env.execute("job metrics test");
        // kept after the job ended (retained), until the reporter is closed
        Map<MetricGroup, Map<String, Metric>> metrics = reporter.getMetricsByGroup();
        reporter.close();

        assertThat(sum(metrics, "decode and validate", "observationsDecoded")).isEqualTo(observations);
        assertThat(sum(metrics, "decode and validate", "deadLetters")).isEqualTo(2);
        assertThat(sumOfKind(metrics, "deadLetters", "sensor_observations")).isEqualTo(1);
        assertThat(sumOfKind(metrics, "deadLetters", "unknown")).isEqualTo(1);

        assertThat(sum(metrics, "store observations", "written")).isEqualTo(observations)
                .isEqualTo(db.count("SELECT count(*) FROM observation"));
        assertThat(sum(metrics, "store dead letters", "written")).isEqualTo(2).isEqualTo(db.count("SELECT count(*) FROM dead_letter"));
        long changes = sum(metrics, "detect incidents", "incidentChanges") + sum(metrics, "watch neighbours for drift", "incidentChanges");
        // each slow period is one incident per site: opened, updated on the way maybe, cleared
        assertThat(changes).isGreaterThanOrEqualTo(2L * SITES.length);
        assertThat(sum(metrics, "store and publish incidents", "written")).isEqualTo(changes)
                .isEqualTo(db.count("SELECT count(*) FROM incident_event"));
        assertThat(sum(metrics, "store observations", "rejected")).isZero();

        List<Long> lags = gauges(metrics, "decode and validate", "eventTimeLagMs");
        assertThat(lags).hasSize(2).allSatisfy(lag -> assertThat(lag)
                .isGreaterThanOrEqualTo(started - newestEvent.toEpochMilli())
                .isLessThanOrEqualTo(System.currentTimeMillis() - T0.toEpochMilli()));
        assertThat(result.getJobID()).isNotNull();
    }

    /** The operator of a metric group; a sink's writer is named after its sink. */
    private static boolean ofOperator(MetricGroup g, String operator) {
        String name = g.getAllVariables().get("<operator_name>");
        return name != null && (name.equals(operator) || name.startsWith(operator + ":"));
    }

    private static long sum(Map<MetricGroup, Map<String, Metric>> metrics, String operator, String metric) {
        return metrics.entrySet().stream()
                .filter(e -> ofOperator(e.getKey(), operator) && !e.getKey().getAllVariables().containsKey("<kind>"))
                .map(e -> e.getValue().get(metric))
                .filter(m -> m instanceof Counter)
                .mapToLong(m -> ((Counter) m).getCount()).sum();
    }

    private static long sumOfKind(Map<MetricGroup, Map<String, Metric>> metrics, String metric, String kind) {
        return metrics.entrySet().stream()
                .filter(e -> ofOperator(e.getKey(), "decode and validate") && kind.equals(e.getKey().getAllVariables().get("<kind>")))
                .map(e -> e.getValue().get(metric))
                .filter(m -> m instanceof Counter)
                .mapToLong(m -> ((Counter) m).getCount()).sum();
    }

    private static List<Long> gauges(Map<MetricGroup, Map<String, Metric>> metrics, String operator, String metric) {
        return metrics.entrySet().stream()
                .filter(e -> ofOperator(e.getKey(), operator) && e.getValue().get(metric) instanceof Gauge<?>)
                .map(e -> (Long) ((Gauge<?>) e.getValue().get(metric)).getValue())
                .toList();
    }
}
