package vn.ioc.edge.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import vn.ioc.edge.video.VideoSourceConfig;
import vn.ioc.ingest.mqtt.MqttSettings;

/**
 * What one edge agent at an intersection runs: its site, its broker, where it keeps its
 * state (sequence numbers, the disk buffer), its cameras and its sensors.
 *
 * @param bufferBytes the most the disk buffer may hold while the broker is out of reach
 * @param baseDir     what relative file names in the configuration are relative to
 * @param metricsPort where {@code /metrics} and {@code /health} are served; 0 for not at all
 */
public record AgentConfig(
        String site, String name, double lat, double lon, Path baseDir,
        MqttSettings mqtt, Path stateDir, long bufferBytes,
        List<CameraSettings> cameras, List<SensorSettings> sensors, int metricsPort) {

    public AgentConfig {
        cameras = List.copyOf(cameras);
        sensors = List.copyOf(sensors);
    }

    /**
     * One camera.
     *
     * @param source    where the video comes from: a file, {@code rtsp://}, {@code http(s)://} (MJPEG too) or
     *                  {@code v4l2:/dev/videoN}, with its reading options
     * @param analytics the camera's analytics configuration (lanes, lines, zones, masks, calibration)
     * @param isPublic  its frames are shared with citizens; otherwise they go to operators only
     */
    public record CameraSettings(String id, String type, VideoSourceConfig source, Path analytics, boolean isPublic,
                                 Frames frames) {
    }

    /**
     * How often and how large the privacy-filtered frames that leave the agent are.
     *
     * @param every    one frame per this interval
     * @param quality  JPEG quality, 1 to 100
     */
    public record Frames(Duration every, int maxWidth, int maxHeight, int quality) {
        public static final Frames DEFAULT = new Frames(Duration.ofSeconds(2), 640, 360, 70);
    }

    /**
     * One sensor next to the cameras.
     *
     * @param adapter the sensor's {@code source} (type csv, senml, http or modbus-rtu), read by the sensor adapters
     * @param at      where the settings are, for error messages
     */
    public record SensorSettings(String id, String type, tools.jackson.databind.JsonNode adapter, String at) {
    }
}
