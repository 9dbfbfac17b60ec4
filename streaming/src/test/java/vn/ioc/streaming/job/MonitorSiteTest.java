package vn.ioc.streaming.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.CameraEvent;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.streaming.detect.DetectorRules;
import vn.ioc.streaming.incident.IncidentChange;
import vn.ioc.streaming.testing.EdgeMessages;

/** The keyed detection function in Flink's operator harness: output, state and timers. */
class MonitorSiteTest {

    private static final String SITE = "hue-phuhoi";
    private static final Instant T0 = Instant.parse("2026-11-23T07:00:00Z");
    private static final Duration SILENCE = Duration.ofMinutes(15);
    private static final Duration SAMPLE = Duration.ofMinutes(5);
    private static final Duration TTL = DetectionOptions.DEFAULT_STATE_TTL;

    private final MessageDecoder decoder = new MessageDecoder();
    private KeyedOneInputStreamOperatorTestHarness<String, SiteInput, IncidentChange> harness;
    private long seq;

    @BeforeEach
    void open() throws Exception {
        var options = new DetectionOptions(DetectorRules.defaults(), Duration.ofSeconds(30), Duration.ofMinutes(1),
                SILENCE, Duration.ofMinutes(5), Duration.ofSeconds(30));
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new MonitorSite(options)),
                SiteInput::site, Types.STRING);
        harness.open();
        harness.setProcessingTime(T0.toEpochMilli());
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void feed(vn.ioc.ingest.source.MqttRecord r) throws Exception {
        for (SiteInput i : decoder.decode(r).inputs()) {
            harness.processElement(new StreamRecord<>(i, i.eventTime()));
        }
    }

    private void speeds(Instant from, double... kmh) throws Exception {
        for (int k = 0; k < kmh.length; k++) {
            feed(EdgeMessages.speed(SITE, seq++, kmh[k], from.plus(SAMPLE.multipliedBy(k))));
        }
    }

    private List<IncidentChange> changes() {
        return harness.extractOutputValues();
    }

    @Test
    void slowTrafficOpensOneIncidentInTheSitesWardAndClearsItWithItsState() throws Exception {
        feed(EdgeMessages.birth(EdgeMessages.loopSite(SITE, 16.469, 107.597, T0), T0.toEpochMilli()));
        speeds(T0.plusSeconds(60), 70, 30, 28, 25, 26, 70, 72, 75, 74);
        harness.processWatermark(T0.plus(Duration.ofHours(1)).toEpochMilli());

        List<IncidentChange> out = changes();
        // updated every 5 min while slow (the configured refresh), not by the recovering values; one incident throughout
        assertThat(out).extracting(IncidentChange::action).containsExactly("opened", "updated", "cleared");
        assertThat(out).extracting(c -> c.incident().id()).containsOnly(out.get(0).incident().id());
        assertThat(out).extracting(c -> c.incident().version()).containsExactly(1L, 2L, 3L);
        Incident opened = out.get(0).incident();
        assertThat(opened.type()).isEqualTo(Incident.Type.CONGESTION);
        assertThat(opened.ward()).isEqualTo("Phường Phú Hội");
        assertThat(opened.openedAt()).isEqualTo(T0.plusSeconds(60).plus(SAMPLE.multipliedBy(3))); // 10 min after the first slow value
        assertThat(out.get(2).incident().status()).isEqualTo(Incident.Status.CLEARED);
        assertThat(out.get(2).incident().summary()).as("the cleared incident still says what it was")
                .isEqualTo("speed 26 km/h below 40 km/h");

        assertThat(openIncidents()).as("no open incident is kept once cleared").isZero();
        assertThat(pendingInputs()).as("buffered readings are freed once the watermark passed them").isZero();
    }

    @Test
    void readingsArrivingOutOfOrderAreDetectedInEventTimeOrder() throws Exception {
        feed(EdgeMessages.birth(EdgeMessages.loopSite(SITE, 16.469, 107.597, T0), T0.toEpochMilli()));
        Instant t = T0.plusSeconds(60);
        // slow at 0, 5, 10, 15 min, but arriving shuffled; a fast reading at 20 min arrives first
        feed(EdgeMessages.speed(SITE, 5, 70, t.plus(SAMPLE.multipliedBy(4))));
        feed(EdgeMessages.speed(SITE, 2, 30, t.plus(SAMPLE.multipliedBy(1))));
        feed(EdgeMessages.speed(SITE, 1, 30, t));
        feed(EdgeMessages.speed(SITE, 4, 30, t.plus(SAMPLE.multipliedBy(3))));
        feed(EdgeMessages.speed(SITE, 3, 30, t.plus(SAMPLE.multipliedBy(2))));
        harness.processWatermark(t.plus(SAMPLE.multipliedBy(4)).toEpochMilli());
        assertThat(changes()).extracting(IncidentChange::action).containsExactly("opened", "updated");
        assertThat(changes().get(0).incident().openedAt()).isEqualTo(t.plus(SAMPLE.multipliedBy(2)));
    }

    @Test
    void lateReadingIsNotDetectedButCounted() throws Exception {
        feed(EdgeMessages.birth(EdgeMessages.loopSite(SITE, 16.469, 107.597, T0), T0.toEpochMilli()));
        harness.processWatermark(T0.plus(Duration.ofHours(2)).toEpochMilli());
        speeds(T0.plusSeconds(60), 10, 10, 10, 10);
        harness.processWatermark(T0.plus(Duration.ofHours(3)).toEpochMilli());
        assertThat(changes()).isEmpty();
        assertThat(pendingInputs()).isZero();
    }

    private static final SiteStatus.Device LOOP_1 = new SiteStatus.Device("loop-1", SiteStatus.Kind.SENSOR, "traffic-loop", false);
    private static final SiteStatus.Device LOOP_2 = new SiteStatus.Device("loop-2", SiteStatus.Kind.SENSOR, "traffic-loop", false);
    private static final SiteStatus.Device CAM_1 = new SiteStatus.Device("cam-1", SiteStatus.Kind.CAMERA, "traffic-camera", true);

    private void speedsOf(String device, Instant from, double... kmh) throws Exception {
        for (int k = 0; k < kmh.length; k++) {
            feed(EdgeMessages.reading(SITE, seq++, device, "speed", "km/h", kmh[k], from.plus(SAMPLE.multipliedBy(k))));
        }
    }

    @Test
    void twoLoopsOfOneIntersectionThatBothSeeTheJamShareOneIncidentThatClearsWhenBothRecover() throws Exception {
        feed(EdgeMessages.birth(EdgeMessages.site(SITE, 16.469, 107.597, T0, LOOP_1, LOOP_2), T0.toEpochMilli()));
        Instant t = T0.plusSeconds(60);
        speedsOf("loop-1", t, 30, 28, 25, 26, 27, 28, 70, 72, 75, 74);          // slow for 30 min
        speedsOf("loop-2", t.plus(SAMPLE), 32, 30, 29, 27, 26, 25, 24, 23, 70, 71, 72, 73); // slow a little longer
        harness.processWatermark(T0.plus(Duration.ofHours(2)).toEpochMilli());

        List<IncidentChange> out = changes();
        assertThat(out).extracting(c -> c.incident().id()).as("one incident for the intersection").containsOnly(out.get(0).incident().id());
        assertThat(out).extracting(IncidentChange::action).startsWith("opened").endsWith("cleared");
        assertThat(out).filteredOn(c -> c.action().equals("cleared")).hasSize(1);
        assertThat(out).filteredOn(c -> c.action().equals("corroborated")).as("the second loop joins once").hasSize(1);
        IncidentChange opened = out.get(0);
        assertThat(opened.incident().evidence()).extracting(e -> e.source()).containsExactly("loop-1");
        assertThat(opened.incident().confidence()).isEqualTo(0.6);
        IncidentChange corroborated = out.stream().filter(c -> c.action().equals("corroborated")).findFirst().orElseThrow();
        assertThat(corroborated.incident().evidence()).extracting(e -> e.kind() + " " + e.source())
                .containsExactly("SENSOR loop-1", "SENSOR loop-2");
        assertThat(corroborated.incident().confidence()).isEqualTo(0.84);
        IncidentChange cleared = out.get(out.size() - 1);
        // loop-1 is back to normal at 07:41 (10 min at speed), loop-2 at 07:56: the incident lasts until the second
        assertThat(cleared.incident().closedAt()).as("cleared when the second loop recovers, not the first")
                .isEqualTo(t.plus(SAMPLE).plus(SAMPLE.multipliedBy(10)));
        assertThat(openIncidents()).isZero();
        assertThat(entries(new org.apache.flink.api.common.state.MapStateDescriptor<>("incident-members", Types.STRING, Types.STRING)))
                .as("no member list is kept for a cleared incident").isZero();
    }

    @Test
    void aStalledVehicleIsConfirmedByTheLoopBesideItWhenTheLoopSlowsDownAfterwards() throws Exception {
        feed(EdgeMessages.birth(EdgeMessages.site(SITE, 16.469, 107.597, T0, LOOP_1, CAM_1), T0.toEpochMilli()));
        Instant t = T0.plusSeconds(60);
        harness.setProcessingTime(T0.plus(Duration.ofHours(3)).toEpochMilli()); // the event arrives after it happened
        feed(EdgeMessages.cameraEvent(SITE, seq++, "cam-1", CameraEvent.Type.STALLED_VEHICLE, CameraEvent.State.START, null, t));
        speedsOf("loop-1", t, 70, 30, 28, 25, 26, 27);
        harness.processWatermark(t.plus(Duration.ofMinutes(30)).toEpochMilli());

        List<IncidentChange> stalled = changes().stream().filter(c -> c.incident().type() == Incident.Type.STALLED_VEHICLE).toList();
        assertThat(stalled).extracting(IncidentChange::action).containsExactly("opened", "confirmed");
        assertThat(stalled.get(0).incident().confidence()).isEqualTo(0.6);
        Incident confirmed = stalled.get(1).incident();
        assertThat(confirmed.confidence()).isEqualTo(0.84);
        assertThat(confirmed.evidence()).extracting(e -> e.kind() + " " + e.source()).containsExactly("CAMERA cam-1", "SENSOR loop-1");
        assertThat(stalled.get(1).detail()).contains("loop-1").contains("below 40 km/h");
        assertThat(changes()).as("the loop's congestion is an incident of its own")
                .anyMatch(c -> c.incident().type() == Incident.Type.CONGESTION && c.action().equals("opened"));
    }

    @Test
    void aStalledVehicleIsConfirmedAtOnceByALoopThatSlowedDownJustBefore() throws Exception {
        feed(EdgeMessages.birth(EdgeMessages.site(SITE, 16.469, 107.597, T0, LOOP_1, CAM_1), T0.toEpochMilli()));
        Instant t = T0.plusSeconds(60);
        speedsOf("loop-1", t, 30, 28, 25, 26);
        harness.processWatermark(t.plus(SAMPLE.multipliedBy(3)).toEpochMilli());
        harness.setProcessingTime(T0.plus(Duration.ofHours(3)).toEpochMilli()); // the event arrives after it happened
        feed(EdgeMessages.cameraEvent(SITE, seq++, "cam-1", CameraEvent.Type.STALLED_VEHICLE, CameraEvent.State.START, null,
                t.plus(SAMPLE.multipliedBy(4))));

        List<IncidentChange> stalled = changes().stream().filter(c -> c.incident().type() == Incident.Type.STALLED_VEHICLE).toList();
        assertThat(stalled).extracting(IncidentChange::action).containsExactly("opened", "confirmed");
        assertThat(stalled.get(1).incident().evidence()).extracting(e -> e.source()).containsExactly("cam-1", "loop-1");
    }

    @Test
    void aLoopThatSlowedDownLongBeforeTheEventDoesNotConfirmIt() throws Exception {
        feed(EdgeMessages.birth(EdgeMessages.site(SITE, 16.469, 107.597, T0, LOOP_1, CAM_1), T0.toEpochMilli()));
        Instant t = T0.plusSeconds(60);
        speedsOf("loop-1", t, 30, 28, 25, 26, 70, 72, 75, 74, 73);
        harness.processWatermark(t.plus(SAMPLE.multipliedBy(8)).toEpochMilli());
        harness.setProcessingTime(T0.plus(Duration.ofHours(3)).toEpochMilli()); // the event arrives after it happened
        feed(EdgeMessages.cameraEvent(SITE, seq++, "cam-1", CameraEvent.Type.STALLED_VEHICLE, CameraEvent.State.START, null,
                t.plus(Duration.ofMinutes(60))));
        harness.setProcessingTime(T0.plus(Duration.ofHours(3)).toEpochMilli()); // the event arrives after it happened
        feed(EdgeMessages.cameraEvent(SITE, seq++, "cam-1", CameraEvent.Type.STALLED_VEHICLE, CameraEvent.State.END, null,
                t.plus(Duration.ofMinutes(70))));

        List<IncidentChange> stalled = changes().stream().filter(c -> c.incident().type() == Incident.Type.STALLED_VEHICLE).toList();
        assertThat(stalled).extracting(IncidentChange::action).containsExactly("opened", "cleared");
        assertThat(stalled.get(1).incident().confidence()).isEqualTo(0.6);
    }

    @Test
    void aCamerasOwnStatisticsDoNotConfirmItsOwnEvent() throws Exception {
        feed(EdgeMessages.birth(EdgeMessages.site(SITE, 16.469, 107.597, T0,
                new SiteStatus.Device("cam-1", SiteStatus.Kind.CAMERA, "traffic-loop", true)), T0.toEpochMilli()));
        Instant t = T0.plusSeconds(60);
        harness.setProcessingTime(T0.plus(Duration.ofHours(3)).toEpochMilli()); // the event arrives after it happened
        feed(EdgeMessages.cameraEvent(SITE, seq++, "cam-1", CameraEvent.Type.STALLED_VEHICLE, CameraEvent.State.START, null, t));
        speedsOf("cam-1", t, 30, 28, 25, 26, 27);
        harness.processWatermark(t.plus(Duration.ofMinutes(30)).toEpochMilli());

        assertThat(changes()).filteredOn(c -> c.incident().type() == Incident.Type.STALLED_VEHICLE)
                .extracting(IncidentChange::action).containsExactly("opened");
        assertThat(changes()).filteredOn(c -> c.incident().type() == Incident.Type.CONGESTION)
                .allSatisfy(c -> assertThat(c.incident().evidence()).extracting(e -> e.kind() + " " + e.source())
                        .containsExactly("CAMERA cam-1"));
    }

    @Test
    void brokersWillOpensAnOfflineIncidentAndTheNextBirthClearsIt() throws Exception {
        feed(EdgeMessages.birth(EdgeMessages.loopSite(SITE, 16.469, 107.597, T0), T0.toEpochMilli()));
        feed(EdgeMessages.will(SITE, T0.plusSeconds(90).toEpochMilli()));
        feed(EdgeMessages.birth(EdgeMessages.loopSite(SITE, 16.469, 107.597, T0.plusSeconds(300)), T0.plusSeconds(300).toEpochMilli()));
        assertThat(changes()).extracting(c -> c.incident().type() + " " + c.action())
                .containsExactly("DEVICE_OFFLINE opened", "DEVICE_OFFLINE cleared");
        assertThat(changes().get(0).incident().summary()).contains("connection lost");
        assertThat(siteUpdates()).extracting(SiteUpdate::kind)
                .containsExactly(SiteUpdate.Kind.BIRTH, SiteUpdate.Kind.OFFLINE, SiteUpdate.Kind.BIRTH);
    }

    @Test
    void aCamerasLostVideoIsTheCameraOfflineUntilItsFramesComeBack() throws Exception {
        feed(EdgeMessages.birth(EdgeMessages.loopSite(SITE, 16.469, 107.597, T0), T0.toEpochMilli()));
        feed(EdgeMessages.cameraEvent(SITE, seq++, "cam-1", CameraEvent.Type.VIDEO_LOST, CameraEvent.State.START,
                "no data for 10.0 s (timeout 10.0 s)", T0.plusSeconds(60)));
        feed(EdgeMessages.cameraEvent(SITE, seq++, "cam-1", CameraEvent.Type.VIDEO_LOST, CameraEvent.State.END, null,
                T0.plusSeconds(180)));
        harness.processWatermark(T0.plus(Duration.ofHours(1)).toEpochMilli());

        assertThat(changes()).extracting(c -> c.incident().type() + " " + c.action())
                .containsExactly("DEVICE_OFFLINE opened", "DEVICE_OFFLINE cleared");
        assertThat(changes().get(0).incident().summary()).contains("video lost").contains("no data for 10.0 s");
    }

    @Test
    void silenceOnTheWallClockMakesTheSiteOfflineAndDataBringsItBack() throws Exception {
        feed(EdgeMessages.birth(EdgeMessages.loopSite(SITE, 16.469, 107.597, T0), T0.toEpochMilli()));
        speeds(T0.plusSeconds(10), 70);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
        harness.setProcessingTime(T0.plus(SILENCE).plusSeconds(5).toEpochMilli());
        assertThat(changes()).extracting(c -> c.incident().type() + " " + c.action()).containsExactly("DEVICE_OFFLINE opened");
        assertThat(changes().get(0).incident().summary()).contains("silent");
        assertThat(harness.numProcessingTimeTimers()).as("a silent site waits for data, no timer spins").isZero();

        harness.setProcessingTime(T0.plus(SILENCE).plusSeconds(60).toEpochMilli());
        speeds(T0.plus(SILENCE).plusSeconds(60), 70);
        assertThat(changes()).extracting(c -> c.incident().type() + " " + c.action())
                .containsExactly("DEVICE_OFFLINE opened", "DEVICE_OFFLINE cleared");
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
    }

    @Test
    void steadyDataKeepsOneSilenceTimerNotOnePerReading() throws Exception {
        feed(EdgeMessages.birth(EdgeMessages.loopSite(SITE, 16.469, 107.597, T0), T0.toEpochMilli()));
        for (int k = 0; k < 20; k++) {
            harness.setProcessingTime(T0.plus(Duration.ofMinutes(k)).toEpochMilli());
            speeds(T0.plus(Duration.ofMinutes(k)), 70);
        }
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
        assertThat(changes()).isEmpty();
    }

    @Test
    void deviceOfUnknownTypeIsStoredButNotJudged() throws Exception {
        // no birth: the job does not know the loop's type, so no rule applies
        speeds(T0, 10, 10, 10, 10, 10);
        harness.processWatermark(T0.plus(Duration.ofHours(1)).toEpochMilli());
        assertThat(changes()).isEmpty();
    }

    private List<SiteUpdate> siteUpdates() {
        return harness.getSideOutput(MonitorSite.SITE_UPDATES).stream().map(StreamRecord::getValue).toList();
    }

    private int openIncidents() throws Exception {
        return count("open-incidents");
    }

    @Test
    void anUnusualSpeedOpensAnAnomalyIncidentThatClearsWhenTheAlarmsStop() throws Exception {
        feed(EdgeMessages.birth(EdgeMessages.loopSite(SITE, 16.469, 107.597, T0), T0.toEpochMilli()));
        java.util.Random noise = new java.util.Random(3);
        int jumpAt = 1500;
        double[] kmh = new double[jumpAt + 40];
        for (int i = 0; i < kmh.length; i++) {
            // a free-flowing road with its daily rhythm; from jumpAt on, sixty km/h faster (a detector fault, no jam)
            kmh[i] = 70 + 8 * Math.sin(2 * Math.PI * i / 288.0) + noise.nextGaussian() + (i >= jumpAt ? 60 : 0);
        }
        Instant start = T0.plusSeconds(60);
        speeds(start, kmh);
        harness.processWatermark(start.plus(SAMPLE.multipliedBy(kmh.length + 20)).toEpochMilli());

        List<IncidentChange> anomalies = changes().stream().filter(c -> c.incident().type() == Incident.Type.ANOMALY).toList();
        assertThat(anomalies).isNotEmpty();
        IncidentChange opened = anomalies.get(0);
        assertThat(opened.action()).isEqualTo("opened");
        assertThat(opened.incident().openedAt()).isEqualTo(start.plus(SAMPLE.multipliedBy(jumpAt)));
        assertThat(opened.incident().summary()).startsWith("unusual speed: ");
        assertThat(opened.incident().severity()).isEqualTo(Incident.Severity.LOW);
        // the higher speeds go on, but they are no longer new: no alarm, and the incident clears 30 minutes on
        IncidentChange last = anomalies.get(anomalies.size() - 1);
        assertThat(last.action()).isEqualTo("cleared");
        assertThat(last.incident().id()).isEqualTo(opened.incident().id());
        assertThat(changes()).noneMatch(c -> c.incident().type() == Incident.Type.CONGESTION);
    }

    @Test
    void aSpeedThatStopsChangingIsAStuckSensorUntilItMovesAgain() throws Exception {
        feed(EdgeMessages.birth(EdgeMessages.loopSite(SITE, 16.469, 107.597, T0), T0.toEpochMilli()));
        java.util.Random noise = new java.util.Random(5);
        int stuckFrom = 120;
        int movesAt = stuckFrom + 60; // five hours later
        double[] kmh = new double[movesAt + 5];
        for (int i = 0; i < kmh.length; i++) {
            kmh[i] = i >= stuckFrom && i < movesAt ? 57 : Math.round(70 + 3 * noise.nextGaussian());
        }
        Instant start = T0.plusSeconds(60);
        speeds(start, kmh);
        harness.processWatermark(start.plus(SAMPLE.multipliedBy(kmh.length)).toEpochMilli());

        List<IncidentChange> stuck = changes().stream().filter(c -> c.incident().summary().contains("stuck")).toList();
        assertThat(stuck).isNotEmpty();
        assertThat(stuck.get(0).action()).isEqualTo("opened");
        // four hours after the first 57 (the configured 'for'), at the reading that completes them
        assertThat(stuck.get(0).incident().openedAt()).isEqualTo(start.plus(SAMPLE.multipliedBy(stuckFrom + 48)));
        assertThat(stuck.get(0).incident().type()).isEqualTo(Incident.Type.ANOMALY);
        assertThat(stuck.get(0).incident().summary()).startsWith("speed stuck at 57 km/h since ");
        IncidentChange last = stuck.get(stuck.size() - 1);
        assertThat(last.action()).isEqualTo("cleared");
        assertThat(last.incident().closedAt()).isEqualTo(start.plus(SAMPLE.multipliedBy(movesAt)));
    }

    @Test
    void aMetricWhoseReadingsStopIsMissingDataUntilTheyComeAgain() throws Exception {
        harness.close();
        DetectorRules rules = DetectorRules.load(new java.io.ByteArrayInputStream("""
                traffic-loop:
                  - {id: speed-missing, kind: missing-data, metric: speed, factor: 3}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new MonitorSite(
                new DetectionOptions(rules, Duration.ofSeconds(30), Duration.ofMinutes(1), SILENCE, Duration.ofMinutes(5),
                        Duration.ofSeconds(30)))), SiteInput::site, Types.STRING);
        harness.open();
        harness.setProcessingTime(T0.toEpochMilli());
        feed(EdgeMessages.birth(EdgeMessages.loopSite(SITE, 16.469, 107.597, T0), T0.toEpochMilli()));
        Instant start = T0.plusSeconds(60);
        speeds(start, new double[20]); // every five minutes for 100 minutes: the usual spacing is learned
        Instant last = start.plus(SAMPLE.multipliedBy(19));
        harness.processWatermark(last.plus(Duration.ofMinutes(14)).toEpochMilli());
        assertThat(changes()).as("14 minutes of silence: less than three intervals").isEmpty();
        harness.processWatermark(last.plus(Duration.ofMinutes(40)).toEpochMilli());
        assertThat(changes()).extracting(IncidentChange::action).containsExactly("opened");
        Incident missing = changes().get(0).incident();
        assertThat(missing.type()).isEqualTo(Incident.Type.DEVICE_OFFLINE);
        assertThat(missing.openedAt()).isEqualTo(last.plus(SAMPLE.multipliedBy(3)).plusMillis(1));
        assertThat(missing.summary()).startsWith("no speed from loop-1: no reading since " + last);

        feed(EdgeMessages.speed(SITE, 99, 60, last.plus(Duration.ofMinutes(45))));
        harness.processWatermark(last.plus(Duration.ofMinutes(50)).toEpochMilli());
        assertThat(changes()).extracting(IncidentChange::action).containsExactly("opened", "cleared");
        assertThat(changes().get(1).incident().closedAt()).isEqualTo(last.plus(Duration.ofMinutes(45)));
    }

    @Test
    void aRisingRiverIsAFloodWhoseSeverityFollowsTheAlarmLevelsAndSurvivesARestore() throws Exception {
        DetectorRules rules = DetectorRules.load(new java.io.ByteArrayInputStream("""
                river-gauge:
                  - {id: huong, kind: flood, metric: water_level, unit: m, level1: 1.0, level2: 2.0, level3: 3.5,
                     clearMargin: 0.1, risePerHour: 0.3, riseWindow: PT1H, clearAfter: PT1H}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var options = new DetectionOptions(rules, Duration.ofSeconds(30), Duration.ofMinutes(1), SILENCE, Duration.ofMinutes(5),
                Duration.ofSeconds(30));
        harness.close();
        harness = gaugeHarness(options, null);
        var gauge = new vn.ioc.ingest.contract.SiteStatus.Device("gauge-1", vn.ioc.ingest.contract.SiteStatus.Kind.SENSOR,
                "river-gauge", false);
        feed(new vn.ioc.ingest.source.MqttRecord(vn.ioc.ingest.contract.Topics.status(SITE),
                new vn.ioc.ingest.contract.SiteStatusCodec().encode(vn.ioc.ingest.contract.SiteStatus.birth(SITE, SITE, T0,
                        "Kim Long", 16.467, 107.560, List.of(gauge))), T0.toEpochMilli()));
        // a quarter-hourly level: steady at 0.5 m for a day, up 0.2 m an hour to 2.5 m, then down 0.2 m an hour
        List<Double> levels = new java.util.ArrayList<>();
        for (int i = 0; i < 96; i++) {
            levels.add(0.5);
        }
        for (double l = 0.55; l <= 2.5; l += 0.05) {
            levels.add(l);
        }
        for (double l = 2.45; l >= 0.5; l -= 0.05) {
            levels.add(l);
        }
        for (int i = 0; i < 12; i++) {
            levels.add(0.5);
        }
        Instant start = T0.plusSeconds(60);
        Duration quarter = Duration.ofMinutes(15);
        int half = 96 + 36; // restored at 2.35 m, with the flood under way
        String[] openedId = new String[1];
        for (int i = 0; i < levels.size(); i++) {
            if (i == half) {
                harness.processWatermark(start.plus(quarter.multipliedBy(i)).toEpochMilli());
                var snapshot = harness.snapshot(1, start.plus(quarter.multipliedBy(i)).toEpochMilli());
                List<IncidentChange> before = changes();
                harness.close();
                harness = gaugeHarness(options, snapshot);
                assertThat(before).extracting(IncidentChange::action).contains("opened", "escalated");
                openedId[0] = before.get(0).incident().id();
            }
            var m = new vn.ioc.ingest.contract.SensorMessage(SITE, seq++, SITE, "gauge-1", List.of(
                    new vn.ioc.ingest.contract.Measurement("water_level", "m", levels.get(i), start.plus(quarter.multipliedBy(i)))));
            feed(new vn.ioc.ingest.source.MqttRecord(vn.ioc.ingest.contract.Topics.sensorObservations(SITE, "gauge-1"),
                    new vn.ioc.ingest.contract.SenmlCodec().encode(m), start.plus(quarter.multipliedBy(i)).toEpochMilli()));
        }
        harness.processWatermark(start.plus(quarter.multipliedBy(levels.size() + 1)).toEpochMilli());
        List<IncidentChange> after = changes();
        // the restored job goes on with the same incident and clears it once the river is back below level I
        assertThat(after).isNotEmpty();
        assertThat(after.get(after.size() - 1).action()).isEqualTo("cleared");
        assertThat(after).extracting(c -> c.incident().id()).containsOnly(openedId[0]);
        assertThat(after).extracting(c -> c.incident().type()).containsOnly(Incident.Type.FLOODING);
        assertThat(after).extracting(c -> c.incident().severity()).contains(Incident.Severity.HIGH);
    }

    @Test
    void badAirByVnAqiIsAnIncidentWhoseSeverityFollowsTheBandUntilTheAirIsModerateAgain() throws Exception {
        var sensor = new vn.ioc.ingest.contract.SiteStatus.Device("air-1", vn.ioc.ingest.contract.SiteStatus.Kind.SENSOR,
                "air-quality", false);
        feed(new vn.ioc.ingest.source.MqttRecord(vn.ioc.ingest.contract.Topics.status(SITE),
                new vn.ioc.ingest.contract.SiteStatusCodec().encode(vn.ioc.ingest.contract.SiteStatus.birth(SITE, SITE, T0,
                        "Phú Hội", 16.469, 107.597, List.of(sensor))), T0.toEpochMilli()));
        Instant start = T0.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Duration tenMinutes = Duration.ofMinutes(10);
        int readings = 24 * 6;
        for (int i = 0; i < readings; i++) {
            int hour = i / 6;
            double pm25 = hour < 6 ? 20 : hour < 12 ? 120 : 10; // clean, then six hours of smoke, then clean
            Instant at = start.plus(tenMinutes.multipliedBy(i));
            var m = new vn.ioc.ingest.contract.SensorMessage(SITE, seq++, SITE, "air-1", List.of(
                    new vn.ioc.ingest.contract.Measurement("pm2_5", "ug/m3", pm25, at),
                    new vn.ioc.ingest.contract.Measurement("pm10", "ug/m3", pm25 * 1.5, at)));
            feed(new vn.ioc.ingest.source.MqttRecord(vn.ioc.ingest.contract.Topics.sensorObservations(SITE, "air-1"),
                    new vn.ioc.ingest.contract.SenmlCodec().encode(m), at.toEpochMilli()));
        }
        harness.processWatermark(start.plus(Duration.ofHours(25)).toEpochMilli());

        List<IncidentChange> air = changes().stream().filter(c -> c.incident().type() == Incident.Type.AIR_QUALITY).toList();
        assertThat(air).isNotEmpty();
        assertThat(air.get(0).action()).isEqualTo("opened");
        // the first smoky hour is judged when the next begins, 07:00
        assertThat(air.get(0).incident().openedAt()).isEqualTo(start.plus(Duration.ofHours(7)));
        assertThat(air.get(0).incident().summary()).startsWith("VN_AQI ");
        assertThat(air).extracting(c -> c.incident().severity()).contains(Incident.Severity.MEDIUM);
        assertThat(air.get(air.size() - 1).action()).isEqualTo("cleared");
        assertThat(air).extracting(c -> c.incident().id()).containsOnly(air.get(0).incident().id());
    }

    @Test
    void waterRisingFastWarnsEarlyAndTheSameIncidentEscalatesWhenTheStreetFloods() throws Exception {
        var gauge = new vn.ioc.ingest.contract.SiteStatus.Device("level-1", vn.ioc.ingest.contract.SiteStatus.Kind.SENSOR,
                "water-level", false);
        feed(new vn.ioc.ingest.source.MqttRecord(vn.ioc.ingest.contract.Topics.status(SITE),
                new vn.ioc.ingest.contract.SiteStatusCodec().encode(vn.ioc.ingest.contract.SiteStatus.birth(SITE, SITE, T0,
                        "Phú Hội", 16.469, 107.597, List.of(gauge))), T0.toEpochMilli()));
        Instant start = T0.plusSeconds(60);
        Duration minute = Duration.ofMinutes(1);
        for (int i = 0; i < 150; i++) {
            // dry for an hour, then up half a centimetre a minute (30 cm an hour) to 30 cm
            double cm = i < 60 ? 0 : Math.min(30, (i - 60) * 0.5);
            Instant at = start.plus(minute.multipliedBy(i));
            var m = new vn.ioc.ingest.contract.SensorMessage(SITE, seq++, SITE, "level-1", List.of(
                    new vn.ioc.ingest.contract.Measurement("water_level", "cm", cm, at)));
            feed(new vn.ioc.ingest.source.MqttRecord(vn.ioc.ingest.contract.Topics.sensorObservations(SITE, "level-1"),
                    new vn.ioc.ingest.contract.SenmlCodec().encode(m), at.toEpochMilli()));
        }
        harness.processWatermark(start.plus(minute.multipliedBy(151)).toEpochMilli());

        List<IncidentChange> flood = changes().stream().filter(c -> c.incident().type() == Incident.Type.FLOODING).toList();
        assertThat(flood).isNotEmpty();
        IncidentChange first = flood.get(0);
        assertThat(first.action()).isEqualTo("opened");
        assertThat(first.incident().severity()).isEqualTo(Incident.Severity.LOW);
        assertThat(first.incident().summary()).contains("rising");
        // the street floods (10 cm for five minutes) while it rises: the same incident, now HIGH
        assertThat(first.incident().openedAt()).isBefore(start.plus(minute.multipliedBy(60 + 20 + 5)));
        assertThat(flood).extracting(c -> c.incident().id()).containsOnly(first.incident().id());
        assertThat(flood).anyMatch(c -> c.action().equals("escalated") && c.incident().severity() == Incident.Severity.HIGH);
    }

    @Test
    void aJamAgainstTheUsualTrafficOfTheHourIsCongestionOnceTheProfileIsLearned() throws Exception {
        harness.close();
        DetectorRules rules = DetectorRules.load(new java.io.ByteArrayInputStream("""
                traffic-loop:
                  - {id: usual-traffic, kind: congestion-profile, zone: Asia/Ho_Chi_Minh, unit: KMH}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        harness = gaugeHarness(new DetectionOptions(rules, Duration.ofSeconds(30), Duration.ofMinutes(1), SILENCE,
                Duration.ofMinutes(5), Duration.ofSeconds(30)), null);
        feed(EdgeMessages.birth(EdgeMessages.loopSite(SITE, 16.469, 107.597, T0), T0.toEpochMilli()));
        java.util.Random noise = new java.util.Random(9);
        // Monday 2026-11-23 14:00 in Huế to Friday 10:00: 60 km/h, give or take; on Friday from 08:00, 15 km/h for 40 minutes
        Instant jamFrom = Instant.parse("2026-11-27T01:00:00Z");
        Instant jamTo = jamFrom.plus(Duration.ofMinutes(40));
        Instant end = Instant.parse("2026-11-27T03:00:00Z");
        for (Instant t = T0; t.isBefore(end); t = t.plus(SAMPLE)) {
            boolean jam = !t.isBefore(jamFrom) && t.isBefore(jamTo);
            feed(EdgeMessages.speed(SITE, seq++, jam ? 15 : 60 + 2 * noise.nextGaussian(), t));
        }
        harness.processWatermark(end.toEpochMilli());

        List<IncidentChange> jams = changes().stream().filter(c -> c.incident().type() == Incident.Type.CONGESTION).toList();
        assertThat(jams).extracting(IncidentChange::action).startsWith("opened").endsWith("cleared");
        Incident opened = jams.get(0).incident();
        assertThat(opened.openedAt()).isEqualTo(jamFrom.plus(Duration.ofMinutes(10))); // slow for the rule's ten minutes
        assertThat(opened.severity()).isEqualTo(Incident.Severity.HIGH); // a quarter of the usual speed
        assertThat(opened.summary()).matches("speed 15 km/h, usually (59|60|61) at this time");
        assertThat(jams.get(jams.size() - 1).incident().closedAt()).isEqualTo(jamTo.plus(Duration.ofMinutes(15)));
    }

    private KeyedOneInputStreamOperatorTestHarness<String, SiteInput, IncidentChange> gaugeHarness(
            DetectionOptions options, org.apache.flink.runtime.checkpoint.OperatorSubtaskState restore) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new MonitorSite(options)),
                SiteInput::site, Types.STRING);
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        h.setProcessingTime(T0.toEpochMilli());
        return h;
    }

    @Test
    void aDeviceThatStopsReportingHasItsStateDroppedAfterTheTimeToLive() throws Exception {
        harness.setStateTtlProcessingTime(T0.toEpochMilli());
        feed(EdgeMessages.birth(EdgeMessages.loopSite(SITE, 16.469, 107.597, T0), T0.toEpochMilli()));
        speeds(T0.plusSeconds(60), 70, 72, 71);
        harness.processWatermark(T0.plus(Duration.ofHours(1)).toEpochMilli());
        // the loop's speed rules (threshold, anomaly alarms), the only metric fed, its anomaly detector and flat-line watch
        assertThat(entries(DetectorStates.detectorsState(TTL))).isEqualTo(2);
        assertThat(entries(DetectorStates.anomaliesState(TTL))).isEqualTo(1);
        assertThat(entries(DetectorStates.flatLinesState(TTL))).isEqualTo(1);

        harness.setStateTtlProcessingTime(T0.plus(Duration.ofDays(6)).toEpochMilli());
        assertThat(entries(DetectorStates.detectorsState(TTL))).as("six days on").isEqualTo(2);
        assertThat(entries(DetectorStates.anomaliesState(TTL))).as("six days on").isEqualTo(1);
        harness.setStateTtlProcessingTime(T0.plus(Duration.ofDays(8)).toEpochMilli());
        assertThat(entries(DetectorStates.detectorsState(TTL))).as("eight days on").isZero();
        assertThat(entries(DetectorStates.anomaliesState(TTL))).as("eight days on").isZero();
        assertThat(entries(DetectorStates.flatLinesState(TTL))).as("eight days on").isZero();
        assertThat(entries(DetectorStates.deviceTypesState(TTL))).isZero();
    }

    @Test
    void aDeviceThatKeepsReportingKeepsItsStateLongAfterItsBirth() throws Exception {
        harness.setStateTtlProcessingTime(T0.toEpochMilli());
        feed(EdgeMessages.birth(EdgeMessages.loopSite(SITE, 16.469, 107.597, T0), T0.toEpochMilli()));
        for (int day = 0; day <= 10; day++) {
            Instant t = T0.plus(Duration.ofDays(day));
            harness.setStateTtlProcessingTime(t.toEpochMilli());
            speeds(t.plusSeconds(60), 70);
            harness.processWatermark(t.plus(Duration.ofHours(1)).toEpochMilli());
        }
        assertThat(entries(DetectorStates.detectorsState(TTL))).isEqualTo(2);
        assertThat(entries(DetectorStates.anomaliesState(TTL))).isEqualTo(1);
        assertThat(entries(DetectorStates.deviceTypesState(TTL))).isEqualTo(1);
    }

    private int entries(org.apache.flink.api.common.state.MapStateDescriptor<String, ?> descriptor) throws Exception {
        harness.getOperator().setCurrentKey(SITE);
        int n = 0;
        for (var ignored : harness.getOperator().getKeyedStateStore().getMapState(descriptor).keys()) {
            n++;
        }
        return n;
    }

    private int pendingInputs() throws Exception {
        harness.getOperator().setCurrentKey(SITE);
        var list = harness.getOperator().getKeyedStateStore()
                .getListState(new org.apache.flink.api.common.state.ListStateDescriptor<>("pending",
                        org.apache.flink.api.common.typeinfo.TypeInformation.of(SiteInput.class)));
        int n = 0;
        for (SiteInput ignored : list.get()) {
            n++;
        }
        return n;
    }

    private int count(String mapState) throws Exception {
        harness.getOperator().setCurrentKey(SITE);
        var map = harness.getOperator().getKeyedStateStore()
                .getMapState(new org.apache.flink.api.common.state.MapStateDescriptor<>(mapState, Types.STRING,
                        org.apache.flink.api.common.typeinfo.TypeInformation.of(Incident.class)));
        int n = 0;
        for (var ignored : map.keys()) {
            n++;
        }
        return n;
    }
}
