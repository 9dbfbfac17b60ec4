package vn.ioc.streaming.job;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.functions.FromElementsGeneratorFunction;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.contract.Observation;
import vn.ioc.ingest.contract.Report;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.source.MqttRecord;
import vn.ioc.ingest.store.DeadLetter;
import vn.ioc.ingest.testing.CollectingSink;
import vn.ioc.streaming.detect.DetectorRules;
import vn.ioc.streaming.incident.IncidentChange;
import vn.ioc.streaming.testing.EdgeMessages;

/**
 * The whole job on a MiniCluster with parallelism 2: a bounded source of real edge messages,
 * shuffled within the allowed lateness, with a malformed message and citizens' reports among them;
 * collecting sinks.
 */
class IncidentJobIT {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");
    private static final Duration SAMPLE = Duration.ofMinutes(5);
    private static final Duration MAX_OUT_OF_ORDER = Duration.ofMinutes(12);
    private static final double[] SPEEDS = {70, 68, 72, 31, 28, 25, 24, 30, 33, 66, 70, 71, 72, 70, 69, 70};
    /** Ward centres of Huế: [site, lat, lon, ward]. */
    private static final String[][] SITES = {
            {"hue-phuhoi", "16.469", "107.597", "Phường Phú Hội"},
            {"hue-vinhninh", "16.459", "107.586", "Phường Vĩnh Ninh"},
            {"hue-thuanthanh", "16.475", "107.578", "Phường Thuận Thành"},
            {"hue-vida", "16.481", "107.601", "Phường Vĩ Dạ"},
            {"hue-ancuu", "16.450", "107.601", "Phường An Cựu"},
            {"hue-kimlong", "16.467", "107.560", "Phường Kim Long"}};

    @Test
    void eachSlowPeriodBecomesOneIncidentPerSiteAReportNearOneConfirmsItAndBadInputIsOneDeadLetter() throws Exception {
        List<MqttRecord> input = new ArrayList<>();
        for (String[] s : SITES) {
            input.add(EdgeMessages.birth(EdgeMessages.loopSite(s[0], Double.parseDouble(s[1]), Double.parseDouble(s[2]), T0), T0.toEpochMilli()));
        }
        List<MqttRecord> readings = new ArrayList<>();
        for (int k = 0; k < SPEEDS.length; k++) {
            for (int i = 0; i < SITES.length; i++) {
                Instant at = T0.plusSeconds(30 + i).plus(SAMPLE.multipliedBy(k));
                readings.add(EdgeMessages.speed(SITES[i][0], k, SPEEDS[k], at));
            }
        }
        shuffleWithin(readings, 2 * SITES.length, new Random(42)); // up to two samples (10 min) out of order
        input.addAll(readings);
        // citizens' reports among the readings: one of the jam at Phú Hội, one of a jam where no sensor is, one of waste
        Instant during = T0.plus(SAMPLE.multipliedBy(6));
        input.add(readings.size() / 3, EdgeMessages.report(new Report("r-jam", "traffic-congestion", 16.4695, 107.5975, during,
                null, "Kẹt xe trên Lê Lợi", null)));
        input.add(readings.size() / 3, EdgeMessages.report(new Report("r-nowhere", "traffic-congestion", 16.4300, 107.6300, during,
                null, "Kẹt xe", null)));
        input.add(readings.size() / 3, EdgeMessages.report(new Report("r-waste", "waste", 16.4691, 107.5971, during,
                null, "Rác", null)));
        input.add(readings.size() / 2 + SITES.length, new MqttRecord(Topics.sensorObservations("hue-vida", "loop-1"),
                "{\"not\":\"senml\"}".getBytes(UTF_8), T0.toEpochMilli()));

        var observations = CollectingSink.<Observation>named("job-observations");
        var incidents = CollectingSink.<IncidentChange>named("job-incidents");
        var sites = CollectingSink.<SiteUpdate>named("job-sites");
        var deadLetters = CollectingSink.<DeadLetter>named("job-dead-letters");
        var options = new DetectionOptions(DetectorRules.defaults(), MAX_OUT_OF_ORDER, Duration.ofSeconds(5),
                Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofSeconds(30));

        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false); // every type on the wire has a Flink serializer, no Kryo
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        var source = new DataGeneratorSource<>(new FromElementsGeneratorFunction<>(TypeInformation.of(MqttRecord.class),
                input.toArray(MqttRecord[]::new)), input.size(), TypeInformation.of(MqttRecord.class));
        new IncidentJob(source, observations, incidents, sites, deadLetters, options).build(env);
        env.execute("incident job test");

        assertThat(observations.results()).hasSize(SITES.length * SPEEDS.length);
        assertThat(deadLetters.results()).singleElement().satisfies(d -> {
            assertThat(d.site()).isEqualTo("hue-vida");
            assertThat(d.reason()).contains("SenML JSON array");
        });
        assertThat(sites.results()).filteredOn(u -> u.kind() == SiteUpdate.Kind.BIRTH).hasSize(SITES.length);

        Map<String, List<IncidentChange>> bySite = incidents.results().stream()
                .collect(Collectors.groupingBy(c -> c.incident().site()));
        assertThat(bySite).hasSize(SITES.length);
        for (String[] s : SITES) {
            List<IncidentChange> changes = bySite.get(s[0]);
            assertThat(changes).extracting(c -> c.incident().id()).as("one incident at %s", s[0]).containsOnly(changes.get(0).incident().id());
            Incident opened = changes.stream().filter(c -> c.action().equals("opened")).findFirst().orElseThrow().incident();
            assertThat(opened.type()).isEqualTo(Incident.Type.CONGESTION);
            assertThat(opened.ward()).isEqualTo(s[3]);
            assertThat(changes).filteredOn(c -> c.action().equals("opened")).hasSize(1);
            assertThat(changes).filteredOn(c -> c.action().equals("cleared")).hasSize(1);
            assertThat(changes).filteredOn(c -> c.action().equals("escalated")).isEmpty(); // no speed below 20
            // slow from sample 3 on: 10 minutes later, at sample 5, the incident opens
            assertThat(opened.openedAt()).isEqualTo(T0.plusSeconds(30).plus(SAMPLE.multipliedBy(5)).plusSeconds(indexOf(s[0])));
            assertThat(changes).extracting(c -> c.incident().version()).as("versions grow at %s, none twice", s[0])
                    .isSorted().doesNotHaveDuplicates();
            boolean phuHoi = s[0].equals("hue-phuhoi");
            assertThat(changes).filteredOn(c -> c.action().equals("report linked"))
                    .as("only the jam at Phú Hội has a citizen's report").hasSize(phuHoi ? 1 : 0);
            Incident last = changes.get(changes.size() - 1).incident();
            assertThat(last.evidence()).extracting(e -> e.kind() + " " + e.source())
                    .containsExactlyElementsOf(phuHoi ? List.of("SENSOR loop-1", "REPORT r-jam") : List.of("SENSOR loop-1"));
            assertThat(last.confidence()).isEqualTo(phuHoi ? 0.76 : 0.6);
        }
    }

    @Test
    void aSensorDriftingAwayFromItsNeighboursIsOneDriftIncidentOfItsOwn() throws Exception {
        // five particle sensors in one neighbourhood (the same 5 km cell), hourly, for six days; the first reads
        // 25 µg/m³ high from the third day on; every site calls its sensor pm-1, a device is known by site and id
        String[][] air = {{"air-phuhoi", "16.469", "107.597"}, {"air-vinhninh", "16.459", "107.586"},
                {"air-thuanthanh", "16.475", "107.578"}, {"air-phuhoa", "16.469", "107.587"}, {"air-kimlong", "16.467", "107.560"}};
        var device = new vn.ioc.ingest.contract.SiteStatus.Device("pm-1", vn.ioc.ingest.contract.SiteStatus.Kind.SENSOR, "air-quality", false);
        List<MqttRecord> input = new ArrayList<>();
        for (String[] a : air) {
            input.add(EdgeMessages.birth(EdgeMessages.site(a[0], Double.parseDouble(a[1]), Double.parseDouble(a[2]), T0, device),
                    T0.toEpochMilli()));
        }
        var pm25 = new vn.ioc.streaming.testing.NeighbourPm25(air.length, 7);
        int driftFrom = 72;
        List<MqttRecord> readings = new ArrayList<>();
        for (int h = 0; h < 6 * 24; h++) {
            double[] means = pm25.next();
            for (int i = 0; i < air.length; i++) {
                double value = means[i] + (i == 0 && h >= driftFrom ? 25 : 0);
                readings.add(EdgeMessages.reading(air[i][0], h, "pm-1", "pm2_5", "ug/m3", value,
                        T0.plus(Duration.ofHours(h)).plusSeconds(60 + i)));
            }
        }
        shuffleWithin(readings, air.length, new Random(7));
        input.addAll(readings);

        List<IncidentChange> drift = run(input).stream().filter(c -> c.incident().type() == Incident.Type.SENSOR_DRIFT).toList();
        assertThat(drift).extracting(c -> c.incident().site()).as("only the drifting sensor").containsOnly("air-phuhoi");
        assertThat(drift).filteredOn(c -> c.action().equals("opened")).singleElement().satisfies(c -> {
            assertThat(c.incident().openedAt()).isAfter(T0.plus(Duration.ofHours(driftFrom)))
                    .isBefore(T0.plus(Duration.ofHours(driftFrom + 30)));
            assertThat(c.incident().device()).isEqualTo("pm-1");
            assertThat(c.incident().confidence()).isEqualTo(1.0);
        });
    }

    /** Runs the job over the input on a MiniCluster of parallelism 2; returns the incident changes. */
    private static List<IncidentChange> run(List<MqttRecord> input) throws Exception {
        var incidents = CollectingSink.<IncidentChange>named("job-incidents-" + java.util.UUID.randomUUID());
        var options = new DetectionOptions(DetectorRules.defaults(), MAX_OUT_OF_ORDER, Duration.ofSeconds(5),
                Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofSeconds(30));
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        var source = new DataGeneratorSource<>(new FromElementsGeneratorFunction<>(TypeInformation.of(MqttRecord.class),
                input.toArray(MqttRecord[]::new)), input.size(), TypeInformation.of(MqttRecord.class));
        new IncidentJob(source, CollectingSink.named("drift-observations-" + java.util.UUID.randomUUID()), incidents,
                CollectingSink.named("drift-sites-" + java.util.UUID.randomUUID()),
                CollectingSink.named("drift-dead-letters-" + java.util.UUID.randomUUID()), options).build(env);
        env.execute("incident job test");
        return incidents.results();
    }

    private static int indexOf(String site) {
        for (int i = 0; i < SITES.length; i++) {
            if (SITES[i][0].equals(site)) {
                return i;
            }
        }
        throw new IllegalArgumentException(site);
    }

    /** Moves every element by at most {@code reach} places. */
    private static void shuffleWithin(List<MqttRecord> list, int reach, Random random) {
        for (int i = 0; i + reach < list.size(); i += reach) {
            Collections.shuffle(list.subList(i, i + reach), random);
        }
    }
}
