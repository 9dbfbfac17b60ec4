package vn.ioc.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReplayCommandLineTest {

    @Test
    void flagsWin() throws Exception {
        ReplayOptions o = ReplayCommandLine.parse(new String[] {"replay", "--mqtt", "tcp://broker:1884", "--state-dir", "/tmp/s",
                "--speedup", "60", "--no-camera"}, Map.of("IOC_MQTT_URL", "tcp://env:1883", "IOC_REPLAY_SPEEDUP", "10"));

        assertThat(o.mqttUrl()).isEqualTo("tcp://broker:1884");
        assertThat(o.stateDir()).isEqualTo(Path.of("/tmp/s"));
        assertThat(o.speedup()).isEqualTo(60);
        assertThat(o.cameras()).isFalse();
        assertThat(o.config().sites()).hasSize(10);
    }

    @Test
    void environmentFillsWhatFlagsLeaveOut() throws Exception {
        ReplayOptions o = ReplayCommandLine.parse(new String[] {"replay"}, Map.of("IOC_MQTT_URL", "tcp://env:1883",
                "IOC_MQTT_USERNAME", "edge", "IOC_MQTT_PASSWORD", "secret", "IOC_REPLAY_SPEEDUP", "10", "IOC_DATA_DIR", "/var/ioc"));

        assertThat(o.mqttUrl()).isEqualTo("tcp://env:1883");
        assertThat(o.username()).isEqualTo("edge");
        assertThat(o.password()).isEqualTo("secret");
        assertThat(o.speedup()).isEqualTo(10);
        assertThat(o.stateDir()).isEqualTo(Path.of("/var/ioc", "edge-agent"));
        assertThat(o.cameras()).isTrue();
        assertThat(o.toString()).doesNotContain("secret");
    }

    @Test
    void defaultsWithoutFlagsOrEnvironment() throws Exception {
        ReplayOptions o = ReplayCommandLine.parse(new String[] {"replay"}, Map.of());

        assertThat(o.mqttUrl()).isEqualTo("tcp://localhost:1883");
        assertThat(o.speedup()).isEqualTo(300);
        assertThat(o.stateDir()).isEqualTo(Path.of("ioc-data", "edge-agent"));
        assertThat(o.username()).isNull();
    }

    @Test
    void usageErrorsSayWhatIsWrong() {
        assertThatThrownBy(() -> ReplayCommandLine.parse(new String[] {}, Map.of())).hasMessageContaining("'replay'");
        assertThatThrownBy(() -> ReplayCommandLine.parse(new String[] {"play"}, Map.of())).hasMessageContaining("'play'");
        assertThatThrownBy(() -> ReplayCommandLine.parse(new String[] {"replay", "--fast"}, Map.of())).hasMessageContaining("'--fast'");
        assertThatThrownBy(() -> ReplayCommandLine.parse(new String[] {"replay", "--mqtt"}, Map.of())).hasMessageContaining("--mqtt expects a value");
        assertThatThrownBy(() -> ReplayCommandLine.parse(new String[] {"replay", "--mqtt", "localhost"}, Map.of()))
                .hasMessageContaining("MQTT URL");
        assertThatThrownBy(() -> ReplayCommandLine.parse(new String[] {"replay", "--speedup", "-3"}, Map.of()))
                .hasMessageContaining("--speedup expected a positive number but was '-3'");
        assertThatThrownBy(() -> ReplayCommandLine.parse(new String[] {"replay"}, Map.of("IOC_REPLAY_SPEEDUP", "fast")))
                .hasMessageContaining("IOC_REPLAY_SPEEDUP");
        assertThatThrownBy(() -> ReplayCommandLine.parse(new String[] {"replay", "--config", "/nonexistent/sites.yaml"}, Map.of()))
                .isInstanceOf(ReplayCommandLine.UsageException.class).hasMessageContaining("/nonexistent/sites.yaml");
    }
}
