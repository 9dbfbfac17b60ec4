package vn.ioc.edge.agent;

import static vn.ioc.edge.ConfigNodes.bool;
import static vn.ioc.edge.ConfigNodes.deviceId;
import static vn.ioc.edge.ConfigNodes.deviceType;
import static vn.ioc.edge.ConfigNodes.duration;
import static vn.ioc.edge.ConfigNodes.integer;
import static vn.ioc.edge.ConfigNodes.invalid;
import static vn.ioc.edge.ConfigNodes.list;
import static vn.ioc.edge.ConfigNodes.number;
import static vn.ioc.edge.ConfigNodes.object;
import static vn.ioc.edge.ConfigNodes.onlyKnownFields;
import static vn.ioc.edge.ConfigNodes.quote;
import static vn.ioc.edge.ConfigNodes.string;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import vn.ioc.edge.ConfigNodes;
import vn.ioc.edge.InvalidConfigException;
import vn.ioc.edge.video.VideoSourceConfig;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.mqtt.MqttSettings;

/**
 * Reads an agent's YAML (see {@code edge-agent/examples/agent-hue.yaml}); a camera's
 * {@code source} is read by {@link VideoSourceConfig#fromConfig}, a sensor's {@code source} by
 * the sensor adapters. The broker and the
 * state folder may come from the environment instead, so that a container image needs no
 * file edits: {@code IOC_MQTT_URL}, {@code IOC_MQTT_USERNAME}, {@code IOC_MQTT_PASSWORD},
 * {@code IOC_EDGE_STATE_DIR}, {@code IOC_METRICS_PORT} win over the file. Relative paths are relative to the file.
 */
public final class AgentConfigReader {

    private static final Set<String> TOP = Set.of("site", "mqtt", "stateDir", "buffer", "metrics", "cameras", "sensors");
    private static final Set<String> SITE = Set.of("id", "name", "lat", "lon");
    private static final Set<String> MQTT = Set.of("url", "username");
    private static final Set<String> BUFFER = Set.of("maxMegabytes");
    private static final Set<String> METRICS = Set.of("port");
    private static final Set<String> CAMERA = Set.of("id", "type", "source", "analytics", "public", "frames");
    private static final Set<String> SENSOR = Set.of("id", "type", "source");
    private static final Set<String> FRAMES = Set.of("every", "maxWidth", "maxHeight", "quality");
    private static final long MEGABYTE = 1024L * 1024;

    private AgentConfigReader() {
    }

    public static AgentConfig load(Path file, Map<String, String> env) throws IOException, InvalidConfigException {
        return read(Files.readString(file), file.toString(), file.toAbsolutePath().getParent(), env);
    }

    static AgentConfig read(String yaml, String origin, Path base, Map<String, String> env) throws InvalidConfigException {
        JsonNode top = ConfigNodes.yamlMapping(yaml, origin, "a mapping with 'site'");
        onlyKnownFields(top, TOP, origin);
        JsonNode site = mapping(top, "site", origin, SITE);
        String siteAt = origin + " site";
        String id = string(site, "id", siteAt);
        if (!Topics.isValidSite(id)) {
            throw invalid(siteAt, "id", "a site id of 1-64 letters, digits, '.', '_' or '-', not one of " + Topics.RESERVED_SITES,
                    quote(id));
        }
        String name = string(site, "name", siteAt);
        double lat = number(site, "lat", siteAt, -90, 90);
        double lon = number(site, "lon", siteAt, -180, 180);

        String url = MqttSettings.DEFAULT_URL;
        String username = null;
        if (present(top, "mqtt")) {
            JsonNode mqtt = mapping(top, "mqtt", origin, MQTT);
            url = optionalString(mqtt, "url", origin + " mqtt", url);
            username = optionalString(mqtt, "username", origin + " mqtt", null);
        }
        url = nonBlank(env.get("IOC_MQTT_URL"), url);
        if (!MqttSettings.isValidUrl(url)) {
            throw new InvalidConfigException(origin + ": the MQTT URL expected something like tcp://host:1883 but was '" + url + "'");
        }
        username = nonBlank(env.get("IOC_MQTT_USERNAME"), username);
        // a password only from the environment: configuration files get copied and committed
        String password = nonBlank(env.get("IOC_MQTT_PASSWORD"), null);
        MqttSettings mqtt = MqttSettings.of(url, id).withCredentials(username, password);

        Path stateDir = base.resolve(nonBlank(env.get("IOC_EDGE_STATE_DIR"),
                optionalString(top, "stateDir", origin, "edge-state/" + id)));
        long bufferBytes = 256 * MEGABYTE;
        if (present(top, "buffer")) {
            JsonNode buffer = mapping(top, "buffer", origin, BUFFER);
            bufferBytes = (long) number(buffer, "maxMegabytes", origin + " buffer", 1, 1_000_000) * MEGABYTE;
        }

        int metricsPort = metricsPort(top, origin, env);

        Set<String> devices = new HashSet<>();
        List<AgentConfig.CameraSettings> cameras = new ArrayList<>();
        List<JsonNode> cameraNodes = list(top, "cameras", origin);
        for (int i = 0; i < cameraNodes.size(); i++) {
            String at = origin + " cameras[" + i + "]";
            AgentConfig.CameraSettings c = camera(cameraNodes.get(i), at, base);
            unique(devices, c.id(), at);
            cameras.add(c);
        }
        List<AgentConfig.SensorSettings> sensors = new ArrayList<>();
        List<JsonNode> sensorNodes = list(top, "sensors", origin);
        for (int i = 0; i < sensorNodes.size(); i++) {
            String at = origin + " sensors[" + i + "]";
            JsonNode s = sensorNodes.get(i);
            object(s, at);
            onlyKnownFields(s, SENSOR, at);
            String sensorId = deviceId(s, at);
            unique(devices, sensorId, at);
            String type = deviceType(string(s, "type", at), at, "water-level");
            if (!present(s, "source")) {
                throw invalid(at, "source", "where the readings come from (type csv, senml, http or modbus-rtu)", "missing");
            }
            sensors.add(new AgentConfig.SensorSettings(sensorId, type, s.get("source"), at + " source"));
        }
        if (devices.isEmpty()) {
            throw new InvalidConfigException(origin + ": expected at least one of 'cameras' or 'sensors' but there are none");
        }
        return new AgentConfig(id, name, lat, lon, base, mqtt, stateDir, bufferBytes, cameras, sensors, metricsPort);
    }

    /** {@code metrics.port}, or {@code IOC_METRICS_PORT} over it; 0 (the default) serves no metrics. */
    private static int metricsPort(JsonNode top, String origin, Map<String, String> env) throws InvalidConfigException {
        String fromEnv = nonBlank(env.get("IOC_METRICS_PORT"), null);
        if (fromEnv != null) {
            try {
                int port = Integer.parseInt(fromEnv);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InvalidConfigException("IOC_METRICS_PORT: expected a port from 0 (off) to 65535 but was '" + fromEnv + "'");
        }
        if (!present(top, "metrics")) {
            return 0;
        }
        JsonNode metrics = mapping(top, "metrics", origin, METRICS);
        return integer(metrics, "port", origin + " metrics", 0, 0, 65535);
    }

    private static AgentConfig.CameraSettings camera(JsonNode c, String at, Path base) throws InvalidConfigException {
        object(c, at);
        onlyKnownFields(c, CAMERA, at);
        String id = deviceId(c, at);
        String type = deviceType(optionalString(c, "type", at, "traffic-camera"), at, "traffic-camera");
        VideoSourceConfig source = VideoSourceConfig.fromConfig(c.get("source"), at + " source", base);
        String analyticsFile = string(c, "analytics", at);
        Path analytics = base.resolve(analyticsFile);
        if (!Files.isReadable(analytics)) {
            throw invalid(at, "analytics", "a readable camera configuration file", quote(analyticsFile));
        }
        AgentConfig.Frames frames = AgentConfig.Frames.DEFAULT;
        if (present(c, "frames")) {
            JsonNode f = mapping(c, "frames", at, FRAMES);
            String fAt = at + " frames";
            AgentConfig.Frames d = AgentConfig.Frames.DEFAULT;
            frames = new AgentConfig.Frames(
                    duration(f, "every", fAt, d.every(), Duration.ofMillis(100), Duration.ofHours(1)),
                    integer(f, "maxWidth", fAt, d.maxWidth(), 32, 3840),
                    integer(f, "maxHeight", fAt, d.maxHeight(), 32, 2160),
                    integer(f, "quality", fAt, d.quality(), 1, 100));
        }
        boolean isPublic = present(c, "public") && bool(c, "public", at);
        return new AgentConfig.CameraSettings(id, type, source, analytics, isPublic, frames);
    }

    /** The mapping under {@code field}, with only {@code known} fields; addressed as {@code at field}. */
    private static JsonNode mapping(JsonNode n, String field, String at, Set<String> known) throws InvalidConfigException {
        JsonNode m = n.get(field);
        object(m, at + " " + field);
        onlyKnownFields(m, known, at + " " + field);
        return m;
    }

    private static boolean present(JsonNode n, String field) {
        return n.has(field) && !n.get(field).isNull();
    }

    private static String optionalString(JsonNode n, String field, String at, String fallback) throws InvalidConfigException {
        return present(n, field) ? string(n, field, at) : fallback;
    }

    private static void unique(Set<String> ids, String id, String at) throws InvalidConfigException {
        if (!ids.add(id)) {
            throw new InvalidConfigException(at + ": device id '" + id + "' expected to be unique on the agent but is used twice");
        }
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
