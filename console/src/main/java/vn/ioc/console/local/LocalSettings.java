package vn.ioc.console.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the all-in-one local run is configured by (environment variables, with defaults that
 * need nothing installed):
 *
 * <pre>
 * SERVER_PORT         8080        the console
 * IOC_MQTT_PORT       1883        the embedded MQTT broker (127.0.0.1)
 * IOC_DATA_DIR        ./ioc-data  database, broker, checkpoints and agent state; kept across restarts
 * IOC_PG_PORT         (free)      the embedded PostgreSQL (127.0.0.1)
 * IOC_REPLAY          true        start the replaying edge agents
 * IOC_REPLAY_SPEEDUP  300         recorded seconds played per second (a 5-minute sample each second)
 * IOC_JOB_PARALLELISM 2           Flink parallelism of the embedded job
 * </pre>
 */
record LocalSettings(int serverPort, int mqttPort, Path dataDir, int pgPort, boolean replay, double speedup, int parallelism) {

    static LocalSettings from(Map<String, String> env) {
        return new LocalSettings(
                port(env, "SERVER_PORT", 8080),
                port(env, "IOC_MQTT_PORT", 1883),
                Path.of(env.getOrDefault("IOC_DATA_DIR", "ioc-data")).toAbsolutePath(),
                port(env, "IOC_PG_PORT", 0),
                !"false".equalsIgnoreCase(env.getOrDefault("IOC_REPLAY", "true")),
                number(env, "IOC_REPLAY_SPEEDUP", 300),
                (int) number(env, "IOC_JOB_PARALLELISM", 2));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int p = Integer.parseInt(v.trim());
            if (p < 0 || p > 65_535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (0-65535) but was '" + v + "'");
        }
    }

    private static double number(Map<String, String> env, String name, double fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive number but was '" + v + "'");
        }
    }
}
