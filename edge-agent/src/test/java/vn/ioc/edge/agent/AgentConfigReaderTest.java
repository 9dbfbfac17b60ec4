package vn.ioc.edge.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ioc.edge.InvalidConfigException;
import vn.ioc.edge.video.VideoSourceConfig;

class AgentConfigReaderTest {

    @TempDir
    Path dir;

    @Test
    void theShippedExampleReadsAsWritten() throws Exception {
        AgentConfig c = AgentConfigReader.load(Path.of("examples/agent-hue.yaml"), Map.of());

        assertThat(c.site()).isEqualTo("hue-hungvuong-leloi");
        assertThat(c.mqtt().url()).isEqualTo("tcp://localhost:1883");
        assertThat(c.mqtt().clientId()).isEqualTo("hue-hungvuong-leloi");
        assertThat(c.bufferBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(c.cameras()).extracting(AgentConfig.CameraSettings::id, AgentConfig.CameraSettings::isPublic)
                .containsExactly(org.assertj.core.api.Assertions.tuple("cam-street", true),
                        org.assertj.core.api.Assertions.tuple("cam-motorway", false));
        AgentConfig.CameraSettings street = c.cameras().get(0);
        assertThat(street.source().kind()).isEqualTo(VideoSourceConfig.Kind.FILE);
        assertThat(street.source().loop()).isTrue();
        assertThat(Files.isReadable(Path.of(street.source().location()))).isTrue();
        assertThat(street.analytics()).isRegularFile();
        assertThat(street.frames()).isEqualTo(new AgentConfig.Frames(Duration.ofSeconds(1), 640, 360, 70));
        assertThat(c.cameras().get(1).frames()).isEqualTo(new AgentConfig.Frames(Duration.ofSeconds(5), 640, 360, 70));
        assertThat(c.sensors()).extracting(AgentConfig.SensorSettings::id).containsExactly("loop-1");
    }

    @Test
    void theEnvironmentWinsOverTheFileForTheBrokerAndState() throws Exception {
        AgentConfig c = AgentConfigReader.load(Path.of("examples/agent-hue.yaml"), Map.of(
                "IOC_MQTT_URL", "ssl://broker.hue.gov.vn:8883", "IOC_MQTT_USERNAME", "hue-hungvuong-leloi",
                "IOC_MQTT_PASSWORD", "s3cret", "IOC_EDGE_STATE_DIR", dir.toString()));

        assertThat(c.mqtt().url()).isEqualTo("ssl://broker.hue.gov.vn:8883");
        assertThat(c.mqtt().username()).isEqualTo("hue-hungvuong-leloi");
        assertThat(c.mqtt().password()).isEqualTo("s3cret");
        assertThat(c.stateDir()).isEqualTo(dir);
    }

    @Test
    void metricsAreOffUnlessAPortIsGivenAndTheEnvironmentWins() throws Exception {
        Path example = Path.of("examples/agent-hue.yaml");
        assertThat(AgentConfigReader.load(example, Map.of()).metricsPort()).isZero();
        assertThat(AgentConfigReader.load(example, Map.of("IOC_METRICS_PORT", "9464")).metricsPort()).isEqualTo(9464);

        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, "site: {id: s1, name: x, lat: 16, lon: 107}\nmetrics: {port: 9500}\n"
                + "sensors:\n  - {id: s1, type: t, source: {type: csv}}");
        assertThat(AgentConfigReader.load(file, Map.of()).metricsPort()).isEqualTo(9500);
        assertThat(AgentConfigReader.load(file, Map.of("IOC_METRICS_PORT", "0")).metricsPort()).isZero();
        assertThatThrownBy(() -> AgentConfigReader.load(file, Map.of("IOC_METRICS_PORT", "http")))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("IOC_METRICS_PORT").hasMessageContaining("'http'");
        assertThat(error("site: {id: s1, name: x, lat: 16, lon: 107}\nmetrics: {port: 70000}\nsensors:\n  - {id: s1, type: t, source: {type: csv}}"))
                .contains("metrics").contains("'port'");
    }

    @Test
    void mistakesAreNamedWithWhereTheyAre() throws Exception {
        Files.writeString(dir.resolve("clip.mp4"), "not really a video, but it exists");
        Files.writeString(dir.resolve("cam.yaml"), "{}");
        assertThat(error("site: {id: ops, name: x, lat: 16, lon: 107}\ncameras: []"))
                .contains("site").contains("'id'").contains("'ops'");
        assertThat(error("site: {id: s1, name: x, lat: 16, lon: 107}\n"))
                .contains("at least one of 'cameras' or 'sensors'");
        assertThat(error("site: {id: s1, name: x, lat: 16, lon: 107}\ncameras:\n  - {id: c1, source: clip.mp4, analytics: nope.yaml}"))
                .contains("cameras[0]").contains("'analytics'").contains("'nope.yaml'");
        assertThat(error("site: {id: s1, name: x, lat: 16, lon: 107}\ncameras:\n  - {id: c1, source: clip.mp4, analytics: cam.yaml, fps: 3}"))
                .contains("cameras[0]").contains("unknown field 'fps'");
        assertThat(error("site: {id: s1, name: x, lat: 16, lon: 107}\ncameras:\n  - {id: c1, source: clip.mp4, analytics: cam.yaml, frames: {every: soon}}"))
                .contains("'every'").contains("a duration like 10s");
        assertThat(error("site: {id: s1, name: x, lat: 16, lon: 107}\nsensors:\n  - {id: s1, type: water-level}"))
                .contains("sensors[0]").contains("'source'");
        assertThat(error("site: {id: s1, name: x, lat: 16, lon: 107}\nmqtt: {url: 'localhost:1883'}\nsensors:\n  - {id: s1, type: t, source: {type: csv}}"))
                .contains("tcp://host:1883");
    }

    private String error(String yaml) throws Exception {
        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, yaml);
        assertThatThrownBy(() -> AgentConfigReader.load(file, Map.of())).isInstanceOf(InvalidConfigException.class);
        try {
            AgentConfigReader.load(file, Map.of());
            throw new AssertionError("unreachable");
        } catch (InvalidConfigException e) {
            return e.getMessage();
        }
    }
}
