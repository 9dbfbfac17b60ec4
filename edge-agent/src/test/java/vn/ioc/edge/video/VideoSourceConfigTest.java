package vn.ioc.edge.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import vn.ioc.edge.InvalidConfigException;
import vn.ioc.edge.video.VideoSourceConfig.Kind;
import vn.ioc.edge.video.VideoSourceConfig.Pacing;

/** Locations and options; RTSP is checked here only, as nothing on the test machine serves RTSP. */
class VideoSourceConfigTest {

    @Test
    void locationsAreRecognisedByTheirScheme() {
        assertThat(VideoSourceConfig.parse("/videos/cam.mp4").kind()).isEqualTo(Kind.FILE);
        assertThat(VideoSourceConfig.parse("file:///videos/cam.mp4").location()).isEqualTo("/videos/cam.mp4");
        assertThat(VideoSourceConfig.parse("file:/videos/cam.mp4").location()).isEqualTo("/videos/cam.mp4");
        assertThat(VideoSourceConfig.parse("rtsp://10.0.0.7:554/stream1").kind()).isEqualTo(Kind.RTSP);
        assertThat(VideoSourceConfig.parse("HTTPS://cam.example/mjpeg").kind()).isEqualTo(Kind.HTTP);
        VideoSourceConfig v4l2 = VideoSourceConfig.parse("v4l2:/dev/video0");
        assertThat(v4l2.kind()).isEqualTo(Kind.V4L2);
        assertThat(v4l2.location()).isEqualTo("/dev/video0");
        assertThat(v4l2.format()).isEqualTo("video4linux2");
    }

    @Test
    void relativeFilePathIsTakenFromTheBaseFolder() {
        assertThat(VideoSourceConfig.parse("video/cam.mp4", Path.of("/etc/ioc")).location()).isEqualTo("/etc/ioc/video/cam.mp4");
        assertThat(VideoSourceConfig.parse("file:video/cam.mp4", Path.of("/etc/ioc")).location()).isEqualTo("/etc/ioc/video/cam.mp4");
    }

    @Test
    void unknownSchemeThrowsExceptionNamingIt() {
        assertThatThrownBy(() -> VideoSourceConfig.parse("udp://239.0.0.1:1234"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'udp://239.0.0.1:1234'")
                .hasMessageContaining("scheme 'udp'");
    }

    @Test
    void malformedLocationsThrowException() {
        assertThatThrownBy(() -> VideoSourceConfig.parse(" ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> VideoSourceConfig.parse("v4l2:video0")).hasMessageContaining("/dev/video0");
        assertThatThrownBy(() -> VideoSourceConfig.parse("rtsp:///stream")).hasMessageContaining("host");
    }

    @Test
    void rtspGoesOverTcpWithTheTimeoutInMicroseconds() {
        VideoSourceConfig c = VideoSourceConfig.parse("rtsp://cam/stream").withTimeout(Duration.ofSeconds(5));
        assertThat(c.ffmpegOptions()).containsEntry("rtsp_transport", "tcp").containsEntry("timeout", "5000000");
        assertThat(c.withRtspOverTcp(false).ffmpegOptions()).containsEntry("rtsp_transport", "udp");
    }

    @Test
    void httpReadsTimeOut() {
        VideoSourceConfig c = VideoSourceConfig.parse("http://cam/mjpeg").withTimeout(Duration.ofMillis(2500));
        assertThat(c.ffmpegOptions()).containsEntry("rw_timeout", "2500000").containsEntry("timeout", "2500000");
        assertThat(VideoSourceConfig.parse("/a.mp4").ffmpegOptions()).isEmpty();
    }

    @Test
    void credentialsAreLeftOutOfWhatIsLogged() {
        assertThat(VideoSourceConfig.parse("rtsp://admin:secret@10.0.0.7/stream1").redacted()).isEqualTo("rtsp://***@10.0.0.7/stream1");
    }

    @Test
    void configMappingSetsEveryOption() throws Exception {
        JsonNode node = yaml("""
                uri: rtsp://cam/stream
                rtspTransport: udp
                timeoutSeconds: 3
                reconnectInitialSeconds: 0.5
                reconnectMaxSeconds: 8
                stableSeconds: 20
                ffmpeg: {buffer_size: 1048576}
                """);
        VideoSourceConfig c = VideoSourceConfig.fromConfig(node, "camera 'c1'", null);
        assertThat(c.rtspOverTcp()).isFalse();
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.reconnectInitial()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.reconnectMax()).isEqualTo(Duration.ofSeconds(8));
        assertThat(c.stableAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(c.ffmpegOptions()).containsEntry("buffer_size", "1048576").containsEntry("timeout", "3000000");

        VideoSourceConfig file = VideoSourceConfig.fromConfig(yaml("{uri: cam.mp4, loop: true, pacing: fast}"), "c", Path.of("/data"));
        assertThat(file.loop()).isTrue();
        assertThat(file.pacing()).isEqualTo(Pacing.FAST);
        assertThat(file.location()).isEqualTo("/data/cam.mp4");
    }

    @Test
    void configErrorsNameTheCameraAndField() {
        assertThatThrownBy(() -> VideoSourceConfig.fromConfig(yaml("{uri: a.mp4, pacing: slow}"), "camera 'c1'", null))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("camera 'c1': 'pacing' expected 'real-time' or 'fast' but was 'slow'");
        assertThatThrownBy(() -> VideoSourceConfig.fromConfig(yaml("{uri: a.mp4, lop: true}"), "camera 'c1'", null))
                .hasMessageContaining("unknown field 'lop'");
        assertThatThrownBy(() -> VideoSourceConfig.fromConfig(yaml("{uri: 'ftp://x/a.mp4'}"), "camera 'c1'", null))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("camera 'c1': expected a video location");
    }

    private static JsonNode yaml(String text) {
        return new YAMLMapper().readTree(text);
    }
}
