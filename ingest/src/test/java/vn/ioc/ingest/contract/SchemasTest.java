package vn.ioc.ingest.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The published JSON Schemas describe what the codecs write, and refuse what the codecs refuse. */
class SchemasTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static List<Error> validate(String schema, byte[] payload) throws Exception {
        try (InputStream in = SchemasTest.class.getResourceAsStream("/schemas/" + schema)) {
            Schema s = REGISTRY.getSchema(in);
            JsonNode node = Json.MAPPER.readTree(payload);
            return s.validate(node);
        }
    }

    @Test
    void senmlWrittenByTheCodecFollowsItsSchema() throws Exception {
        var m = new SensorMessage("hue-phuhoi", 42, "hue-phuhoi", "loop-1", List.of(
                new Measurement("speed", "km/h", 52.5, NOW), new Measurement("occupancy", "%", 12.5, NOW.plusSeconds(1))));
        assertThat(validate("senml-observations.v1.json", new SenmlCodec().encode(m))).isEmpty();
    }

    @Test
    void senmlSchemaRefusesWhatTheCodecRefuses() throws Exception {
        assertThat(validate("senml-observations.v1.json", "[{\"n\":\"speed\",\"v\":1,\"bt\":1795420800}]".getBytes(UTF_8)))
                .as("no agent/seq").isNotEmpty();
        assertThat(validate("senml-observations.v1.json",
                "[{\"agent\":\"a\",\"seq\":1,\"n\":\"door\",\"vb\":true,\"bt\":1795420800}]".getBytes(UTF_8))).as("non-numeric").isNotEmpty();
        assertThat(validate("senml-observations.v1.json",
                "[{\"agent\":\"a\",\"seq\":1,\"n\":\"x\",\"v\":1,\"crit_\":1,\"bt\":1795420800}]".getBytes(UTF_8))).as("must-understand").isNotEmpty();
    }

    @Test
    void cameraStatsAndEventsWrittenByTheCodecsFollowTheirSchemas() throws Exception {
        var stats = new CameraStats("hue-duc", 9, "hue-duc", "cam-1", NOW.minusSeconds(10), NOW,
                List.of(new CameraStats.LineCount("north", "in", Map.of("car", 3))),
                List.of(new CameraStats.LaneStats("l1", 35.5, 1.25, null, 0, 0)), new CameraStats.ImageHealth(0.4, 0.3, false, 24));
        assertThat(validate("camera-stats.v1.json", new CameraStatsCodec().encode(stats))).isEmpty();
        var tamper = new CameraEvent("hue-duc", 10, "hue-duc", "cam-1", NOW, CameraEvent.Type.CAMERA_TAMPER, CameraEvent.State.START,
                null, null, "BLACKOUT", null);
        assertThat(validate("camera-event.v1.json", new CameraEventCodec().encode(tamper))).isEmpty();
        assertThat(validate("camera-event.v1.json",
                "{\"agent\":\"a\",\"seq\":1,\"time\":\"2026-11-23T08:00:00Z\",\"type\":\"CAMERA_TAMPER\",\"state\":\"START\"}".getBytes(UTF_8)))
                .as("tamper without reason").isNotEmpty();
    }

    @Test
    void birthWillAndIncidentFollowTheirSchemas() throws Exception {
        var codec = new SiteStatusCodec();
        var birth = SiteStatus.birth("hue-duc", "hue-duc", NOW, "Phường Đúc", 16.4565, 107.5637,
                List.of(new SiteStatus.Device("cam-1", SiteStatus.Kind.CAMERA, "traffic-camera", true)));
        assertThat(validate("site-status.v1.json", codec.encode(birth))).isEmpty();
        assertThat(validate("site-status.v1.json", codec.encode(SiteStatus.will("hue-duc", "hue-duc")))).isEmpty();
        assertThat(validate("site-status.v1.json", "{\"agent\":\"a\",\"online\":true}".getBytes(UTF_8))).as("birth without place").isNotEmpty();
        var incident = new Incident("i-1", Incident.Type.CONGESTION, Incident.Severity.HIGH, Incident.Status.OPEN, "hue-duc", "loop-1",
                "speed", 16.4565, 107.5637, "Phường Đúc", NOW, NOW, null, 18.0, "slow", 1,
                0.6, List.of(new Evidence(Evidence.Kind.SENSOR, "loop-1", "speed", 18.0, NOW, null)));
        assertThat(validate("incident.v1.json", new IncidentCodec().encode(incident))).isEmpty();
    }

    @Test
    void reportWrittenByTheCodecFollowsItsSchemaWhichRefusesWhatTheCodecRefuses() throws Exception {
        var codec = new ReportCodec();
        var report = new Report("HUE-0042", "flooding", 16.4637, 107.5909, NOW, "Phường Phú Hội", "Ngập sâu\ntrước chợ Đông Ba", "open");
        assertThat(validate("report.v1.json", codec.encode(report))).isEmpty();
        assertThat(validate("report.v1.json", codec.encode(new Report("HUE-0043", "pothole", 16.46, 107.59, NOW, null, null, null))))
                .as("only what is required").isEmpty();
        String point = "\"lat\":16.46,\"lon\":107.59,\"time\":\"2026-11-23T08:00:00Z\"";
        assertThat(validate("report.v1.json", ("{\"id\":\"HUE-1\"," + point + "}").getBytes(UTF_8))).as("no category").isNotEmpty();
        assertThat(validate("report.v1.json", ("{\"id\":\"HUE-1\",\"category\":\"flood ing\"," + point + "}").getBytes(UTF_8)))
                .as("category not an id").isNotEmpty();
        assertThat(validate("report.v1.json", codec.encode(new Report("HUE-1", "flooding", 91, 107.59, NOW, null, null, null))))
                .as("latitude").isNotEmpty();
        assertThat(validate("report.v1.json", codec.encode(new Report("HUE-1", "flooding", 16.46, 107.59, NOW, null,
                "x".repeat(ReportCodec.MAX_DESCRIPTION_CHARS + 1), null)))).as("description too long").isNotEmpty();
        assertThat(validate("report.v1.json", codec.encode(new Report("HUE-1", "flooding", 16.46, 107.59, NOW, null,
                "flood\u0000ed", null)))).as("control character").isNotEmpty();
    }
}
