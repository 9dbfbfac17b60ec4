package vn.ioc.edge.agent;

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

import vn.ioc.edge.ConfigNode;
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
 * {@code IOC_EDGE_STATE_DIR} win over the file. Relative paths are relative to the file.
 */
public final class AgentConfigReader {

    private static final Set<String> TOP = Set.of("site", "mqtt", "stateDir", "buffer", "cameras", "sensors");
    private static final Set<String> SITE = Set.of("id", "name", "lat", "lon");
    private static final Set<String> MQTT = Set.of("url", "username");
    private static final Set<String> BUFFER = Set.of("maxMegabytes");
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
        JsonNode root = ConfigNodes.yamlMapping(yaml, origin, "a mapping with 'site'");
        ConfigNode top = ConfigNode.of(root, origin).onlyKnown(TOP);
        ConfigNode site = ConfigNode.of(root.get("site"), origin + " site").onlyKnown(SITE);
        String id = site.string("id");
        if (!Topics.isValidSite(id)) {
            throw site.invalid("id", "a site id of 1-64 letters, digits, '.', '_' or '-', not one of " + Topics.RESERVED_SITES,
                    ConfigNode.quote(id));
        }
        String name = site.string("name");
        double lat = site.number("lat", -90, 90);
        double lon = site.number("lon", -180, 180);

        String url = MqttSettings.DEFAULT_URL;
        String username = null;
        if (top.has("mqtt")) {
            ConfigNode mqtt = ConfigNode.of(root.get("mqtt"), origin + " mqtt").onlyKnown(MQTT);
            url = mqtt.optionalString("url").orElse(url);
            username = mqtt.optionalString("username").orElse(null);
        }
        url = nonBlank(env.get("IOC_MQTT_URL"), url);
        if (!(url.startsWith("tcp://") || url.startsWith("ssl://") || url.startsWith("ws://") || url.startsWith("wss://"))) {
            throw new InvalidConfigException(origin + ": the MQTT URL expected something like tcp://host:1883 but was '" + url + "'");
        }
        username = nonBlank(env.get("IOC_MQTT_USERNAME"), username);
        // a password only from the environment: configuration files get copied and committed
        String password = nonBlank(env.get("IOC_MQTT_PASSWORD"), null);
        MqttSettings mqtt = MqttSettings.of(url, id).withCredentials(username, password);

        Path stateDir = base.resolve(nonBlank(env.get("IOC_EDGE_STATE_DIR"),
                top.optionalString("stateDir").orElse("edge-state/" + id)));
        long bufferBytes = 256 * MEGABYTE;
        if (top.has("buffer")) {
            ConfigNode buffer = ConfigNode.of(root.get("buffer"), origin + " buffer").onlyKnown(BUFFER);
            bufferBytes = (long) buffer.number("maxMegabytes", 1, 1_000_000) * MEGABYTE;
        }

        Set<String> devices = new HashSet<>();
        List<AgentConfig.CameraSettings> cameras = new ArrayList<>();
        List<JsonNode> cameraNodes = top.list("cameras");
        for (int i = 0; i < cameraNodes.size(); i++) {
            AgentConfig.CameraSettings c = camera(ConfigNode.of(cameraNodes.get(i), origin + " cameras[" + i + "]"), base);
            unique(devices, c.id(), origin + " cameras[" + i + "]");
            cameras.add(c);
        }
        List<AgentConfig.SensorSettings> sensors = new ArrayList<>();
        List<JsonNode> sensorNodes = top.list("sensors");
        for (int i = 0; i < sensorNodes.size(); i++) {
            String at = origin + " sensors[" + i + "]";
            ConfigNode s = ConfigNode.of(sensorNodes.get(i), at).onlyKnown(SENSOR);
            String sensorId = deviceId(s);
            unique(devices, sensorId, at);
            String type = s.string("type");
            if (!Topics.isValidId(type)) {
                throw s.invalid("type", "a device type like 'water-level'", ConfigNode.quote(type));
            }
            if (!s.has("source")) {
                throw s.invalid("source", "where the readings come from (type csv, senml, http or modbus-rtu)", "missing");
            }
            sensors.add(new AgentConfig.SensorSettings(sensorId, type, s.json().get("source"), at + " source"));
        }
        if (devices.isEmpty()) {
            throw new InvalidConfigException(origin + ": expected at least one of 'cameras' or 'sensors' but there are none");
        }
        return new AgentConfig(id, name, lat, lon, base, mqtt, stateDir, bufferBytes, cameras, sensors);
    }

    private static AgentConfig.CameraSettings camera(ConfigNode c, Path base) throws InvalidConfigException {
        c.onlyKnown(CAMERA);
        String id = deviceId(c);
        String type = c.optionalString("type").orElse("traffic-camera");
        if (!Topics.isValidId(type)) {
            throw c.invalid("type", "a device type like 'traffic-camera'", ConfigNode.quote(type));
        }
        VideoSourceConfig source = VideoSourceConfig.fromConfig(c.json().get("source"), c.at() + " source", base);
        Path analytics = base.resolve(c.string("analytics"));
        if (!Files.isReadable(analytics)) {
            throw c.invalid("analytics", "a readable camera configuration file", ConfigNode.quote(c.string("analytics")));
        }
        AgentConfig.Frames frames = AgentConfig.Frames.DEFAULT;
        if (c.has("frames")) {
            ConfigNode f = ConfigNode.of(c.json().get("frames"), c.at() + " frames").onlyKnown(FRAMES);
            AgentConfig.Frames d = AgentConfig.Frames.DEFAULT;
            frames = new AgentConfig.Frames(
                    f.duration("every", d.every(), Duration.ofMillis(100), Duration.ofHours(1)),
                    f.integer("maxWidth", d.maxWidth(), 32, 3840),
                    f.integer("maxHeight", d.maxHeight(), 32, 2160),
                    f.integer("quality", d.quality(), 1, 100));
        }
        return new AgentConfig.CameraSettings(id, type, source, analytics, c.bool("public", false), frames);
    }

    private static String deviceId(ConfigNode n) throws InvalidConfigException {
        String id = n.string("id");
        if (!Topics.isValidId(id)) {
            throw n.invalid("id", "a device id of 1-64 letters, digits, '.', '_' or '-'", ConfigNode.quote(id));
        }
        return id;
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
