package vn.ioc.streaming.job;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.CameraStats;
import vn.ioc.ingest.contract.CameraStatsCodec;
import vn.ioc.ingest.contract.Observation;
import vn.ioc.ingest.contract.Report;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.source.MqttRecord;
import vn.ioc.streaming.testing.EdgeMessages;

class MessageDecoderTest {

    private static final Instant T0 = Instant.parse("2026-11-23T07:00:00Z");
    private final MessageDecoder decoder = new MessageDecoder();

    @Test
    void sensorMessageBecomesObservationsAtTheirOwnTime() {
        var r = decoder.decode(EdgeMessages.speed("hue-phuhoi", 7, 33.5, T0));
        assertThat(r.deadLetter()).isNull();
        assertThat(r.inputs()).singleElement().satisfies(i -> {
            assertThat(i.site()).isEqualTo("hue-phuhoi");
            assertThat(i.eventTime()).isEqualTo(T0.toEpochMilli());
            assertThat(i.observation().value()).isEqualTo(33.5);
            assertThat(i.observation().seq()).isEqualTo(7);
        });
    }

    @Test
    void birthPassesOnWholeAtItsOwnTimeAndWillAtArrival() {
        var birth = decoder.decode(EdgeMessages.birth(EdgeMessages.loopSite("hue-vida", 16.481, 107.601, T0), T0.toEpochMilli() + 500));
        assertThat(birth.inputs()).singleElement().satisfies(i -> {
            assertThat(i.isObservation()).isFalse();
            assertThat(i.eventTime()).isEqualTo(T0.toEpochMilli());
        });
        var will = decoder.decode(EdgeMessages.will("hue-vida", T0.toEpochMilli() + 9000));
        assertThat(will.inputs()).singleElement().extracting(SiteInput::eventTime).isEqualTo(T0.toEpochMilli() + 9000);
    }

    @Test
    void clearedRetainedStatusYieldsNothingAndIsNoError() {
        var r = decoder.decode(new MqttRecord(Topics.status("hue-vida"), new byte[0], T0.toEpochMilli()));
        assertThat(r.inputs()).isEmpty();
        assertThat(r.deadLetter()).isNull();
    }

    @Test
    void malformedPayloadBecomesADeadLetterNamingSiteAndReasonWithThePayloadKept() {
        byte[] bad = "[{\"n\":\"speed\",\"v\":".getBytes(UTF_8);
        var r = decoder.decode(new MqttRecord(Topics.sensorObservations("hue-ancuu", "loop-1"), bad, T0.toEpochMilli()));
        assertThat(r.inputs()).isEmpty();
        assertThat(r.deadLetter().site()).isEqualTo("hue-ancuu");
        assertThat(r.deadLetter().reason()).contains("malformed");
        assertThat(r.deadLetter().payload()).isEqualTo(bad);
        assertThat(r.deadLetter().receivedAt()).isEqualTo(T0);
    }

    @Test
    void badRecordBesideGoodOnesCostsOnlyItselfAndIsDeadLettered() {
        byte[] payload = ("[{\"bn\":\"hue-ancuu/loop-1/\",\"bt\":" + T0.getEpochSecond() + ",\"agent\":\"hue-ancuu\",\"seq\":9,"
                + "\"n\":\"speed\",\"u\":\"km/h\",\"v\":41},"
                + "{\"n\":\"occupancy\",\"u\":\"%\",\"v\":\"high\"},"
                + "{\"n\":\"speed\",\"u\":\"km/h\",\"v\":39,\"t\":60}]").getBytes(UTF_8);
        var r = decoder.decode(new MqttRecord(Topics.sensorObservations("hue-ancuu", "loop-1"), payload, T0.toEpochMilli()));
        assertThat(r.inputs()).extracting(i -> i.observation().value()).containsExactly(41.0, 39.0);
        assertThat(r.inputs()).extracting(i -> i.observation().time()).containsExactly(T0, T0.plusSeconds(60));
        assertThat(r.deadLetter().reason()).startsWith("record 1: ").contains("'v' to be a finite number").doesNotContain("record 0");
        assertThat(r.deadLetter().payload()).isEqualTo(payload);
    }

    @Test
    void recordsAfterRefusedBaseFieldsAreRefusedTooBecauseTheirTimeIsUnknown() {
        byte[] payload = ("[{\"bt\":" + T0.getEpochSecond() + ",\"agent\":\"hue-ancuu\",\"seq\":9,\"n\":\"speed\",\"v\":41},"
                + "{\"bt\":\"later\",\"n\":\"speed\",\"v\":40},{\"n\":\"speed\",\"v\":39}]").getBytes(UTF_8);
        var r = decoder.decode(new MqttRecord(Topics.sensorObservations("hue-ancuu", "loop-1"), payload, T0.toEpochMilli()));
        assertThat(r.inputs()).extracting(i -> i.observation().value()).containsExactly(41.0);
        assertThat(r.deadLetter().reason()).contains("record 1: expected 'bt'").contains("record 2: follows the refused base fields of record 1");
    }

    @Test
    void topicOutsideTheContractBecomesADeadLetter() {
        var r = decoder.decode(new MqttRecord("ioc/v1/hue-ancuu/sensor/loop-1/raw", "{}".getBytes(UTF_8), T0.toEpochMilli()));
        assertThat(r.deadLetter().reason()).contains("expected");
        assertThat(r.deadLetter().site()).isNull();
    }

    @Test
    void cameraStatisticsBecomeNumberedObservations() {
        var stats = new CameraStats("hue-duc", 3, "hue-duc", "cam-1", T0.minusSeconds(10), T0,
                List.of(new CameraStats.LineCount("north", "in", Map.of("car", 2, "motorbike", 5))),
                List.of(new CameraStats.LaneStats("l1", 35.0, 1.5, 28.0, 12.0, 1)), new CameraStats.ImageHealth(0.5, 0.3, false, 24));
        var r = decoder.decode(new MqttRecord(Topics.cameraStats("hue-duc", "cam-1"), new CameraStatsCodec().encode(stats), T0.toEpochMilli()));
        List<Observation> obs = r.inputs().stream().map(SiteInput::observation).toList();
        assertThat(obs).extracting(Observation::metric).containsExactly(
                "occupancy.l1", "present.l1", "speed.l1", "queue.l1", "stopped.l1",
                "count.north.in", "count.north.in.car", "count.north.in.motorbike",
                "brightness", "sharpness", "frozen", "fps");
        assertThat(obs).extracting(Observation::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(obs.get(5).value()).isEqualTo(7);
        assertThat(obs).allSatisfy(o -> assertThat(o.time()).isEqualTo(T0));
    }

    @Test
    void citizenReportBecomesAReportAndNoSiteInput() {
        var report = new Report("HUE-0042", "flooding", 16.4637, 107.5909, T0, "Phường Phú Hội", "Ngập tới đầu gối", null);
        var r = decoder.decode(EdgeMessages.report(report));
        assertThat(r.reports()).containsExactly(report);
        assertThat(r.inputs()).isEmpty();
        assertThat(r.deadLetter()).isNull();
    }

    @Test
    void badReportBecomesADeadLetterWithItsReasonAndNoSite() {
        byte[] bad = "{\"id\":\"HUE-0042\",\"category\":\"flooding\",\"lat\":116.4,\"lon\":107.6,\"time\":\"2026-11-23T07:00:00Z\"}"
                .getBytes(UTF_8);
        var r = decoder.decode(new MqttRecord(Topics.report("HUE-0042"), bad, T0.toEpochMilli()));
        assertThat(r.reports()).isEmpty();
        assertThat(r.inputs()).isEmpty();
        assertThat(r.deadLetter().reason()).contains("'lat' between -90.0 and 90.0").contains("116.4");
        assertThat(r.deadLetter().site()).isNull();
        assertThat(r.deadLetter().topic()).isEqualTo("ioc/v1/reports/HUE-0042");
        assertThat(r.deadLetter().payload()).isEqualTo(bad);
    }

    @Test
    void edgeMessagesYieldNoReports() {
        assertThat(decoder.decode(EdgeMessages.speed("hue-phuhoi", 7, 33.5, T0)).reports()).isEmpty();
        assertThat(decoder.decode(EdgeMessages.will("hue-vida", T0.toEpochMilli())).reports()).isEmpty();
    }
}
