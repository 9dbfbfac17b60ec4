package vn.ioc.ingest.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MessageCodecsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final TopicAddress CAM_STATS = TopicAddress.edge(MessageKind.CAMERA_STATS, "hue-duc", "cam-1");
    private static final TopicAddress CAM_EVENT = TopicAddress.edge(MessageKind.CAMERA_EVENT, "hue-duc", "cam-1");
    private static final TopicAddress STATUS = TopicAddress.edge(MessageKind.SITE_STATUS, "hue-duc", null);
    private static final TopicAddress REPORT = TopicAddress.central(MessageKind.REPORT, "HUE-0042");

    @Test
    void cameraStatsRoundTrip() throws Exception {
        var codec = new CameraStatsCodec();
        var stats = new CameraStats("hue-duc", 9, "hue-duc", "cam-1", NOW.minusSeconds(10), NOW,
                List.of(new CameraStats.LineCount("north", "in", Map.of("car", 3, "motorbike", 11))),
                List.of(new CameraStats.LaneStats("l1", 35.5, 1.25, 28.0, 12.0, 0),
                        new CameraStats.LaneStats("l2", 4.0, 0.1, null, 0, 1)),
                new CameraStats.ImageHealth(0.45, 0.31, false, 24.0));
        assertThat(codec.decode(CAM_STATS, codec.encode(stats), NOW)).isEqualTo(stats);
    }

    @Test
    void cameraStatsRejectsOccupancyOutsidePercentAndNegativeCounts() {
        var codec = new CameraStatsCodec();
        String base = "{\"agent\":\"hue-duc\",\"seq\":1,\"start\":\"2026-11-23T07:59:50Z\",\"end\":\"2026-11-23T08:00:00Z\",";
        assertThatThrownBy(() -> codec.decode(CAM_STATS, (base
                + "\"lanes\":[{\"lane\":\"l1\",\"occupancy\":140,\"present\":1,\"queueM\":0,\"stopped\":0}]}").getBytes(UTF_8), NOW))
                .hasMessageContaining("'occupancy' between 0.0 and 100.0").hasMessageContaining("140");
        assertThatThrownBy(() -> codec.decode(CAM_STATS, (base
                + "\"lines\":[{\"line\":\"n\",\"direction\":\"in\",\"counts\":{\"car\":-1}}]}").getBytes(UTF_8), NOW))
                .hasMessageContaining("count of 'car'");
    }

    @Test
    void cameraStatsRejectsAnIntervalThatEndsBeforeItStarts() {
        var codec = new CameraStatsCodec();
        String json = "{\"agent\":\"hue-duc\",\"seq\":1,\"start\":\"2026-11-23T08:00:00Z\",\"end\":\"2026-11-23T07:00:00Z\"}";
        assertThatThrownBy(() -> codec.decode(CAM_STATS, json.getBytes(UTF_8), NOW)).hasMessageContaining("'end' after 'start'");
    }

    @Test
    void cameraStatsRejectsATimeThatIsNotIso8601() {
        var codec = new CameraStatsCodec();
        String json = "{\"agent\":\"hue-duc\",\"seq\":1,\"start\":\"yesterday\",\"end\":\"2026-11-23T07:00:00Z\"}";
        assertThatThrownBy(() -> codec.decode(CAM_STATS, json.getBytes(UTF_8), NOW)).hasMessageContaining("ISO-8601").hasMessageContaining("yesterday");
    }

    @Test
    void cameraEventRoundTrip() throws Exception {
        var codec = new CameraEventCodec();
        var e = new CameraEvent("hue-duc", 10, "hue-duc", "cam-1", NOW, CameraEvent.Type.STALLED_VEHICLE,
                CameraEvent.State.START, "obj-17", "no-stopping-1", null, "data:image/jpeg;base64,/9j/4AAQ");
        assertThat(codec.decode(CAM_EVENT, codec.encode(e), NOW)).isEqualTo(e);
    }

    @Test
    void snapshotMustBeAJpegDataUri() {
        var codec = new CameraEventCodec();
        String json = "{\"agent\":\"hue-duc\",\"seq\":1,\"time\":\"2026-11-23T08:00:00Z\",\"type\":\"WRONG_WAY\","
                + "\"state\":\"START\",\"snapshot\":\"http://example.org/x.jpg\"}";
        assertThatThrownBy(() -> codec.decode(CAM_EVENT, json.getBytes(UTF_8), NOW))
                .hasMessageContaining("'snapshot'").hasMessageContaining("'http://example.org/x.j");
    }

    @Test
    void eventCarriesAFullSizeSnapshotButNoOtherLongText() throws Exception {
        var codec = new CameraEventCodec();
        String picture = CameraEventCodec.SNAPSHOT_PREFIX + "A".repeat(200_000);
        var e = new CameraEvent("hue-duc", 12, "hue-duc", "cam-1", NOW, CameraEvent.Type.ZONE_INTRUSION,
                CameraEvent.State.START, "21", "hard-shoulder", null, picture);
        assertThat(codec.decode(CAM_EVENT, codec.encode(e), NOW).snapshot()).isEqualTo(picture);

        var tooLong = new CameraEvent("hue-duc", 13, "hue-duc", "cam-1", NOW, CameraEvent.Type.ZONE_INTRUSION,
                CameraEvent.State.START, "21", "hard-shoulder", null, picture + "A".repeat(CameraEventCodec.MAX_SNAPSHOT_CHARS));
        assertThatThrownBy(() -> codec.decode(CAM_EVENT, codec.encode(tooLong), NOW)).hasMessageContaining("bytes");
    }

    @Test
    void tamperReasonMustBeOneOfTheFour() {
        var codec = new CameraEventCodec();
        String json = "{\"agent\":\"hue-duc\",\"seq\":1,\"time\":\"2026-11-23T08:00:00Z\",\"type\":\"CAMERA_TAMPER\","
                + "\"state\":\"START\",\"reason\":\"RAIN\"}";
        assertThatThrownBy(() -> codec.decode(CAM_EVENT, json.getBytes(UTF_8), NOW)).hasMessageContaining("'RAIN'");
    }

    @Test
    void videoLostCarriesWhyAsItsReason() throws Exception {
        var codec = new CameraEventCodec();
        var e = new CameraEvent("hue-duc", 11, "hue-duc", "cam-1", NOW, CameraEvent.Type.VIDEO_LOST,
                CameraEvent.State.START, null, null, "rtsp://cam-1/stream: Connection refused", null);
        assertThat(codec.decode(CAM_EVENT, codec.encode(e), NOW)).isEqualTo(e);
    }

    @Test
    void tamperEventWithoutReasonIsRejected() {
        var codec = new CameraEventCodec();
        String json = "{\"agent\":\"hue-duc\",\"seq\":1,\"time\":\"2026-11-23T08:00:00Z\",\"type\":\"CAMERA_TAMPER\",\"state\":\"START\"}";
        assertThatThrownBy(() -> codec.decode(CAM_EVENT, json.getBytes(UTF_8), NOW)).hasMessageContaining("'reason'");
    }

    @Test
    void unknownEventTypeListsTheKnownOnes() {
        var codec = new CameraEventCodec();
        String json = "{\"agent\":\"hue-duc\",\"seq\":1,\"time\":\"2026-11-23T08:00:00Z\",\"type\":\"UFO\",\"state\":\"START\"}";
        assertThatThrownBy(() -> codec.decode(CAM_EVENT, json.getBytes(UTF_8), NOW))
                .hasMessageContaining("STALLED_VEHICLE").hasMessageContaining("'UFO'");
    }

    @Test
    void birthRoundTripKeepsPlaceAndDevices() throws Exception {
        var codec = new SiteStatusCodec();
        var birth = SiteStatus.birth("hue-duc", "hue-duc", NOW, "Cầu Phú Xuân", 16.4565, 107.5637, List.of(
                new SiteStatus.Device("loop-1", SiteStatus.Kind.SENSOR, "traffic-loop", false),
                new SiteStatus.Device("cam-1", SiteStatus.Kind.CAMERA, "traffic-camera", true)));
        SiteStatus back = codec.decode(STATUS, codec.encode(birth), NOW);
        assertThat(back).isEqualTo(birth);
        assertThat(new String(codec.encode(birth), UTF_8)).contains("\"public\":true").doesNotContain("isPublic");
    }

    @Test
    void willDecodesAsOfflineWithoutTime() throws Exception {
        var codec = new SiteStatusCodec();
        SiteStatus will = codec.decode(STATUS, codec.encode(SiteStatus.will("hue-duc", "hue-duc")), NOW);
        assertThat(will.online()).isFalse();
        assertThat(will.time()).isNull();
        assertThat(will.reason()).isEqualTo("connection lost");
    }

    @Test
    void birthWithoutPlaceOrWithImpossibleLatitudeIsRejected() {
        var codec = new SiteStatusCodec();
        String noPlace = "{\"agent\":\"hue-duc\",\"online\":true,\"time\":\"2026-11-23T08:00:00Z\",\"devices\":[]}";
        assertThatThrownBy(() -> codec.decode(STATUS, noPlace.getBytes(UTF_8), NOW)).hasMessageContaining("'lat'");
        String badLat = "{\"agent\":\"hue-duc\",\"online\":true,\"time\":\"2026-11-23T08:00:00Z\",\"lat\":116.4,\"lon\":107.5,\"devices\":[]}";
        assertThatThrownBy(() -> codec.decode(STATUS, badLat.getBytes(UTF_8), NOW)).hasMessageContaining("'lat' between -90.0 and 90.0");
    }

    @Test
    void incidentRoundTripAndTopicIdMustMatch() throws Exception {
        var codec = new IncidentCodec();
        var i = new Incident("inc-1", Incident.Type.CONGESTION, Incident.Severity.HIGH, Incident.Status.OPEN,
                "hue-duc", "loop-1", "speed", 16.4565, 107.5637, "Phường Đúc", NOW.minusSeconds(60), NOW, null,
                18.0, "speed 18 km/h below 40 km/h", 3, 0.84,
                List.of(new Evidence(Evidence.Kind.SENSOR, "loop-1", "speed", 18.0, NOW, "slow"),
                        new Evidence(Evidence.Kind.CAMERA, "cam-1", null, null, NOW.minusSeconds(30), "stalled vehicle")));
        assertThat(codec.decode(TopicAddress.central(MessageKind.INCIDENT, "inc-1"), codec.encode(i), NOW)).isEqualTo(i);
        assertThatThrownBy(() -> codec.decode(TopicAddress.central(MessageKind.INCIDENT, "inc-2"), codec.encode(i), NOW))
                .hasMessageContaining("as in the topic");
    }

    private static String report(String fields) {
        return "{\"id\":\"HUE-0042\",\"category\":\"flooding\",\"lat\":16.4637,\"lon\":107.5909,"
                + "\"time\":\"2026-11-23T07:55:00Z\"" + fields + "}";
    }

    private static void assertReportRefused(String json, String... reason) {
        var codec = new ReportCodec();
        var thrown = assertThatThrownBy(() -> codec.decode(REPORT, json.getBytes(UTF_8), NOW)).isInstanceOf(InvalidMessageException.class);
        for (String r : reason) {
            thrown.hasMessageContaining(r);
        }
    }

    @Test
    void reportRoundTripWithAndWithoutItsOptionalFields() throws Exception {
        var codec = new ReportCodec();
        var full = new Report("HUE-0042", "flooding", 16.4637, 107.5909, NOW.minusSeconds(300), "Phường Phú Hội",
                "Nước ngập tới đầu gối\ntrước chợ", "open");
        assertThat(codec.decode(REPORT, codec.encode(full), NOW)).isEqualTo(full);
        var bare = new Report("HUE-0042", "pothole", -90, 180, NOW, null, null, null);
        assertThat(codec.decode(REPORT, codec.encode(bare), NOW)).isEqualTo(bare);
        assertThat(new String(codec.encode(bare), UTF_8)).doesNotContain("ward").doesNotContain("null");
    }

    @Test
    void reportIdMustBeTheOneInTheTopic() {
        assertReportRefused(report("").replace("HUE-0042", "HUE-0043"), "'id' 'HUE-0042' as in the topic", "'HUE-0043'");
        assertReportRefused(report("").replace("\"HUE-0042\"", "\"HUE 42\""), "'id' to be an id", "'HUE 42'");
    }

    @Test
    void reportWithoutCategoryOrWithOneThatIsNoIdIsRefused() {
        assertReportRefused(report("").replace("\"category\":\"flooding\",", ""), "'category' to be a string", "missing");
        assertReportRefused(report("").replace("\"flooding\"", "\"<b>flood</b>\""), "'category' to be an id", "'<b>flood</b>'");
    }

    @Test
    void reportPointOutsideTheGlobeOrMissingIsRefused() {
        assertReportRefused(report("").replace("16.4637", "91"), "'lat' between -90.0 and 90.0", "91");
        assertReportRefused(report("").replace("107.5909", "-180.5"), "'lon' between -180.0 and 180.0", "-180.5");
        assertReportRefused(report("").replace("\"lon\":107.5909,", ""), "'lon' to be a finite number", "missing");
        assertReportRefused(report("").replace("16.4637", "\"16.4637\""), "'lat' to be a finite number", "string");
    }

    @Test
    void reportTimeMustBeIsoAndNotAheadOfItsArrival() {
        assertReportRefused(report("").replace("2026-11-23T07:55:00Z", "23/11/2026"), "'time' to be an ISO-8601", "'23/11/2026'");
        assertReportRefused(report("").replace("2026-11-23T07:55:00Z", "2026-11-23T09:00:00Z"), "'time' no later than the time of arrival");
        assertReportRefused(report("").replace("\"time\":\"2026-11-23T07:55:00Z\"", "\"ward\":\"Phú Hội\""), "'time' to be a string", "missing");
    }

    @Test
    void reportDescriptionIsCappedAndFreeOfControlCharacters() throws Exception {
        String longest = "ữ".repeat(ReportCodec.MAX_DESCRIPTION_CHARS);
        assertThat(new ReportCodec().decode(REPORT, report(",\"description\":\"" + longest + "\"").getBytes(UTF_8), NOW).description())
                .isEqualTo(longest);
        assertReportRefused(report(",\"description\":\"" + longest + "!\""), "'description' of at most 2000 characters", "2001 characters");
        assertReportRefused(report(",\"description\":\"flood\\u0000ed\""), "'description' without control characters", "U+0000 at character 5");
        assertReportRefused(report(",\"description\":42"), "'description' to be a string", "number 42");
    }

    @Test
    void reportWardAndStatusAreCheckedWhenPresent() {
        assertReportRefused(report(",\"ward\":\"" + "x".repeat(ReportCodec.MAX_WARD_CHARS + 1) + "\""), "'ward' of at most 200 characters");
        assertReportRefused(report(",\"status\":\"in progress\""), "'status' to be an id", "'in progress'");
    }

    @Test
    void reportThatIsNotAnObjectIsRefused() {
        assertReportRefused("[]", "a report to be a JSON object", "array");
        assertReportRefused("{\"id\":", "expected a report but the JSON is malformed");
    }
}
