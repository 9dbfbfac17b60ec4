package vn.ioc.streaming.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.streaming.detect.DetectorRules;
import vn.ioc.streaming.detect.DriftState;
import vn.ioc.streaming.detect.NeighbourHours;
import vn.ioc.streaming.incident.IncidentChange;
import vn.ioc.streaming.testing.NeighbourPm25;

/** The drift watch of one neighbourhood in Flink's operator harness: five PM2.5 sensors of Phú Hội, hour by hour. */
class WatchNeighboursTest {

    private static final Instant T0 = Instant.parse("2026-01-04T17:00:00Z"); // midnight in Huế
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration TTL = DetectionOptions.DEFAULT_STATE_TTL;
    private static final int SENSORS = 5;
    private static final String DRIFTING = "air-3";
    private static final int DRIFT_FROM = 4 * 24; // two days of warm-up, two judged
    private static final int RECALIBRATED = DRIFT_FROM + 3 * 24;
    private static final double SLOPE = 0.5;
    /** Four readings an hour whose mean is the hour's mean. */
    private static final int[] MINUTES = {5, 20, 35, 50};
    private static final double[] AROUND = {-1, 1, -0.5, 0.5};

    private final DetectionOptions options = new DetectionOptions(DetectorRules.defaults(), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofSeconds(30));
    private final NeighbourPm25 city = new NeighbourPm25(SENSORS, 7);
    private final List<IncidentChange> out = new ArrayList<>();
    private KeyedOneInputStreamOperatorTestHarness<String, PlacedReading, IncidentChange> harness;
    private String key;

    @BeforeEach
    void open() throws Exception {
        harness = harness(null);
        harness.setStateTtlProcessingTime(T0.toEpochMilli());
        key = reading(0, 0, 0, 10).neighbourhood();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private KeyedOneInputStreamOperatorTestHarness<String, PlacedReading, IncidentChange> harness(OperatorSubtaskState restore)
            throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new WatchNeighbours(options)),
                PlacedReading::neighbourhood, Types.STRING);
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    /** Sensor {@code i} (air-1 to air-5), each at its own site a few hundred metres from the others. */
    private static PlacedReading reading(int i, int hour, int k, double value) {
        long at = T0.plus(HOUR.multipliedBy(hour)).plus(Duration.ofMinutes(MINUTES[k])).toEpochMilli();
        return new PlacedReading("hue-air-" + (i + 1), "air-" + (i + 1), "air-quality", "pm2_5", 16.462 + 0.006 * i, 107.565 + 0.005 * i,
                at, value);
    }

    /** One hour of every sensor that reports, then event time moves past its end. */
    private void hour(int h, double drift, int silent) throws Exception {
        double[] means = city.next();
        for (int k = 0; k < MINUTES.length; k++) {
            for (int i = 0; i < SENSORS; i++) {
                if (i == silent) {
                    continue;
                }
                double mean = means[i] + (("air-" + (i + 1)).equals(DRIFTING) ? drift : 0);
                harness.processElement(new StreamRecord<>(reading(i, h, k, mean + AROUND[k]), reading(i, h, k, 0).time()));
            }
        }
        harness.processWatermark(T0.plus(HOUR.multipliedBy(h + 1)).toEpochMilli() - 1);
    }

    private void hours(int from, int until) throws Exception {
        for (int h = from; h < until; h++) {
            hour(h, h >= DRIFT_FROM && h < RECALIBRATED ? SLOPE * (h - DRIFT_FROM) : 0, -1);
        }
    }

    private List<IncidentChange> changes() {
        List<IncidentChange> all = new ArrayList<>(out);
        all.addAll(harness.extractOutputValues());
        return all;
    }

    @Test
    void aDriftingSensorOpensOneDriftIncidentOfItsOwnWhichRecalibrationClears() throws Exception {
        hours(0, RECALIBRATED + 2 * 24);

        List<IncidentChange> changes = changes();
        assertThat(changes).extracting(c -> c.incident().device()).containsOnly(DRIFTING);
        assertThat(changes).extracting(IncidentChange::action).startsWith("opened").endsWith("cleared")
                .containsOnly("opened", "updated", "cleared").containsOnlyOnce("opened", "cleared");
        assertThat(changes).extracting(c -> c.incident().id()).containsOnly(changes.get(0).incident().id());
        Incident opened = changes.get(0).incident();
        assertThat(opened.type()).isEqualTo(Incident.Type.SENSOR_DRIFT);
        assertThat(opened.severity()).isEqualTo(Incident.Severity.LOW);
        assertThat(opened.site()).isEqualTo("hue-air-3");
        assertThat(opened.metric()).isEqualTo("pm2_5");
        assertThat(opened.lat()).isCloseTo(16.474, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(opened.confidence()).isEqualTo(1.0);
        assertThat(opened.evidence()).extracting(Evidence::kind, Evidence::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Evidence.Kind.SENSOR, DRIFTING));
        assertThat(opened.summary()).startsWith("pm2_5 ").contains("higher than its 4 neighbours");
        // opened at the end of an hour, after the drift began and within two days of it
        assertThat(opened.openedAt()).isAfter(T0.plus(HOUR.multipliedBy(DRIFT_FROM)))
                .isBefore(T0.plus(HOUR.multipliedBy(DRIFT_FROM + 48)));
        assertThat(opened.openedAt().toEpochMilli() % HOUR.toMillis()).isZero();
        Incident cleared = changes.get(changes.size() - 1).incident();
        assertThat(cleared.status()).isEqualTo(Incident.Status.CLEARED);
        assertThat(cleared.closedAt()).isAfter(T0.plus(HOUR.multipliedBy(RECALIBRATED)))
                .isBefore(T0.plus(HOUR.multipliedBy(RECALIBRATED + 24)));

        assertThat(entries(WatchNeighbours.openState(TTL))).as("no open incident is kept once cleared").isZero();
        assertThat(entries(WatchNeighbours.sumsState(TTL))).as("an hour's sums are freed once it is judged").isZero();
        assertThat(harness.numEventTimeTimers()).as("no timer waits for a judged hour").isZero();
        assertThat(entries(WatchNeighbours.detectorsState(TTL))).as("each device keeps what it learned").isEqualTo(SENSORS);
    }

    @Test
    void aRestoreMidDriftKeepsTheOpenIncidentAndOpensNoSecond() throws Exception {
        hours(0, DRIFT_FROM + 48);
        List<IncidentChange> before = changes();
        assertThat(before).extracting(IncidentChange::action).startsWith("opened");

        OperatorSubtaskState snapshot = harness.snapshot(1, T0.plus(HOUR.multipliedBy(DRIFT_FROM + 48)).toEpochMilli());
        out.addAll(harness.extractOutputValues());
        harness.close();
        harness = harness(snapshot);
        hours(DRIFT_FROM + 48, RECALIBRATED + 2 * 24);

        List<IncidentChange> all = changes();
        assertThat(all).extracting(IncidentChange::action).containsOnlyOnce("opened", "cleared").endsWith("cleared");
        assertThat(all).extracting(c -> c.incident().id()).containsOnly(before.get(0).incident().id());
        assertThat(all).extracting(c -> c.incident().version()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aDeviceThatStopsReportingHoldsBackNoOne() throws Exception {
        hours(0, 60);
        for (int h = 60; h < 72; h++) {
            hour(h, 0, 0); // air-1 is silent for twelve hours: four left, three neighbours each
        }
        DriftState other = detector("air-2");
        assertThat(other.lastAt()).as("every hour was judged without air-1").isEqualTo(T0.plus(HOUR.multipliedBy(71)).toEpochMilli());
        assertThat(other.skipped()).isZero();
        assertThat(detector("air-1").lastAt()).isEqualTo(T0.plus(HOUR.multipliedBy(59)).toEpochMilli());
        assertThat(entries(WatchNeighbours.sumsState(TTL))).isZero();
    }

    @Test
    void anHourWithTooFewNeighboursIsSkipped() throws Exception {
        for (int h = 0; h < 60; h++) {
            double[] means = city.next();
            for (int i = 0; i < 3; i++) { // three sensors: two neighbours each, the rule asks for three
                harness.processElement(new StreamRecord<>(reading(i, h, 0, means[i] + (i == 2 && h > 48 ? 50 : 0)),
                        reading(i, h, 0, 0).time()));
            }
            harness.processWatermark(T0.plus(HOUR.multipliedBy(h + 1)).toEpochMilli() - 1);
        }
        assertThat(changes()).isEmpty();
        assertThat(detector("air-3").skipped()).isEqualTo(60);
        assertThat(detector("air-3").baseline()).isEmpty();
    }

    @Test
    void aLateReadingIsDroppedAndChangesNoHour() throws Exception {
        hours(0, 3);
        harness.processElement(new StreamRecord<>(reading(0, 1, 0, 500), reading(0, 1, 0, 0).time()));
        harness.processElement(new StreamRecord<>(reading(0, 2, 3, 500), reading(0, 2, 3, 0).time())); // the hour's last instant is judged
        assertThat(entries(WatchNeighbours.sumsState(TTL))).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aDeviceThatStopsReportingHasItsStateDroppedAfterTheTimeToLive() throws Exception {
        hours(0, DRIFT_FROM + 48); // air-3 drifting, its incident open
        assertThat(entries(WatchNeighbours.openState(TTL))).isEqualTo(1);
        harness.setStateTtlProcessingTime(T0.plus(Duration.ofDays(6)).toEpochMilli());
        assertThat(entries(WatchNeighbours.detectorsState(TTL))).as("six days on").isEqualTo(SENSORS);
        harness.setStateTtlProcessingTime(T0.plus(Duration.ofDays(8)).toEpochMilli());
        assertThat(entries(WatchNeighbours.detectorsState(TTL))).as("eight days on").isZero();
        assertThat(entries(WatchNeighbours.devicesState(TTL))).isZero();
        assertThat(entries(WatchNeighbours.openState(TTL))).isZero();
    }

    @Test
    void everyStateAndTheSideOutputHaveFlinkSerializersWithoutGenericTypes() {
        SerializerConfigImpl noGenerics = new SerializerConfigImpl();
        noGenerics.setGenericTypes(false);
        for (TypeInformation<?> type : List.of(WatchNeighbours.DRIFT_STATE, WatchNeighbours.INCIDENT,
                TypeInformation.of(NeighbourHours.Sum.class), DriftWiring.PLACED_READINGS.getTypeInfo())) {
            assertThat(type.createSerializer(noGenerics)).as(type.toString()).isNotNull();
        }
        assertThat(DriftWiring.PLACED_READINGS.getTypeInfo()).isEqualTo(TypeInformation.of(PlacedReading.class))
                .isInstanceOf(org.apache.flink.api.java.typeutils.PojoTypeInfo.class);
    }

    @Test
    void onlyReadingsOfAWatchedMetricAreEmitted() {
        assertThat(DriftWiring.watched(options.rules(), "air-quality", "pm2_5")).isTrue();
        assertThat(DriftWiring.watched(options.rules(), "air-quality", "pm10")).isFalse();
        assertThat(DriftWiring.watched(options.rules(), "traffic-loop", "speed")).isFalse();
        assertThat(DriftWiring.watched(options.rules(), null, "pm2_5")).isFalse();
    }

    @Test
    void neighboursShareTheirMetricsCellOfAboutFiveKilometres() {
        PlacedReading phuHoi = reading(0, 0, 0, 10);
        PlacedReading nextDoor = new PlacedReading("s", "d", "air-quality", "pm2_5", 16.49, 107.59, 0, 1);
        PlacedReading acrossTheRiver = new PlacedReading("s", "d", "air-quality", "pm2_5", 16.51, 107.59, 0, 1);
        assertThat(phuHoi.neighbourhood()).isEqualTo("pm2_5@329:2151").isEqualTo(nextDoor.neighbourhood());
        assertThat(acrossTheRiver.neighbourhood()).isNotEqualTo(phuHoi.neighbourhood());
        assertThat(new PlacedReading("s", "d", "air-quality", "pm10", 16.49, 107.59, 0, 1).neighbourhood())
                .as("another metric is another neighbourhood").isNotEqualTo(phuHoi.neighbourhood());
    }

    private DriftState detector(String device) throws Exception {
        harness.getOperator().setCurrentKey(key);
        // kept per site/device: the devices here are air-N at site hue-air-N
        return harness.getOperator().getKeyedStateStore().getMapState(WatchNeighbours.detectorsState(TTL))
                .get("hue-" + device + "/" + device);
    }

    private int entries(MapStateDescriptor<String, ?> descriptor) throws Exception {
        harness.getOperator().setCurrentKey(key);
        int n = 0;
        for (var ignored : harness.getOperator().getKeyedStateStore().getMapState(descriptor).keys()) {
            n++;
        }
        return n;
    }
}
