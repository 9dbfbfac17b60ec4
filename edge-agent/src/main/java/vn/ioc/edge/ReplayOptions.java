package vn.ioc.edge;

import java.nio.file.Path;
import java.util.Objects;

import vn.ioc.ingest.mqtt.MqttSettings;

/**
 * How to run the replaying edge agents.
 *
 * @param mqttUrl  the broker, {@code tcp://host:1883}
 * @param username null for anonymous
 * @param stateDir where the agents keep their sequence numbers (and a copy of the video)
 * @param speedup  recorded seconds per wall-clock second; 300 turns a 5-minute gap into 1 s
 * @param config   the sites; {@link SitesConfig#bundled()} for the Huế sites
 * @param cameras  whether camera sites stream frames (the sensors replay either way)
 */
public record ReplayOptions(String mqttUrl, String username, String password, Path stateDir,
                            double speedup, SitesConfig config, boolean cameras) {

    public static final double DEFAULT_SPEEDUP = 300;

    public ReplayOptions {
        MqttSettings.of(mqttUrl, "check"); // refuses what is not an MQTT URL, with the same message everywhere
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(config, "config");
        if (!(speedup > 0) || Double.isInfinite(speedup)) {
            throw new IllegalArgumentException("expected a positive speed-up but was " + speedup);
        }
    }

    /** The bundled Huế sites at ×300 with cameras, anonymous. */
    public static ReplayOptions defaults(String mqttUrl, Path stateDir) {
        return new ReplayOptions(mqttUrl, null, null, stateDir, DEFAULT_SPEEDUP, SitesConfig.bundled(), true);
    }

    public ReplayOptions withCredentials(String user, String pass) {
        return new ReplayOptions(mqttUrl, user, pass, stateDir, speedup, config, cameras);
    }

    public ReplayOptions withSpeedup(double factor) {
        return new ReplayOptions(mqttUrl, username, password, stateDir, factor, config, cameras);
    }

    public ReplayOptions withConfig(SitesConfig sites) {
        return new ReplayOptions(mqttUrl, username, password, stateDir, speedup, sites, cameras);
    }

    public ReplayOptions withCameras(boolean on) {
        return new ReplayOptions(mqttUrl, username, password, stateDir, speedup, config, on);
    }

    /** The connection settings of one agent: its client id is its site id. */
    public MqttSettings mqtt(String clientId) {
        return MqttSettings.of(mqttUrl, clientId).withCredentials(username, password);
    }

    @Override
    public String toString() {
        return "ReplayOptions[" + mqttUrl + (username == null ? "" : ", user " + username) + ", state " + stateDir
                + ", x" + speedup + ", " + config.sites().size() + " sites" + (cameras ? "" : ", no cameras") + "]";
    }
}
