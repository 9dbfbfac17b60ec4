package vn.ioc.edge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import vn.ioc.ingest.mqtt.MqttSettings;

/**
 * The {@code replay} command's arguments, each from a flag, else an environment variable,
 * else a default:
 *
 * <pre>
 * --mqtt URL        IOC_MQTT_URL          tcp://localhost:1883
 *                   IOC_MQTT_USERNAME     (anonymous)
 *                   IOC_MQTT_PASSWORD
 * --config FILE                           the bundled Huế sites
 * --state-dir DIR   IOC_DATA_DIR/edge-agent   ioc-data/edge-agent
 * --speedup N       IOC_REPLAY_SPEEDUP    300
 * --no-camera                             cameras stream frames
 * </pre>
 */
final class ReplayCommandLine {

    static final String USAGE = "usage: java -jar ioc-edge-agent.jar replay [--mqtt tcp://host:1883] [--config FILE]"
            + " [--state-dir DIR] [--speedup N] [--no-camera]";

    /** A command line that cannot be run; the message is the one line shown. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private ReplayCommandLine() {
    }

    static ReplayOptions parse(String[] args, Map<String, String> env) throws UsageException {
        if (args.length == 0 || !args[0].equals("replay")) {
            throw new UsageException("expected the command 'replay' but was " + (args.length == 0 ? "nothing" : "'" + args[0] + "'"));
        }
        String mqtt = env.getOrDefault("IOC_MQTT_URL", MqttSettings.DEFAULT_URL);
        String config = null;
        String dataDir = env.get("IOC_DATA_DIR");
        Path stateDir = dataDir == null || dataDir.isBlank() ? Path.of("ioc-data", "edge-agent") : Path.of(dataDir, "edge-agent");
        String speedup = env.getOrDefault("IOC_REPLAY_SPEEDUP", Double.toString(ReplayOptions.DEFAULT_SPEEDUP));
        String speedupFrom = env.containsKey("IOC_REPLAY_SPEEDUP") ? "IOC_REPLAY_SPEEDUP" : "--speedup";
        boolean cameras = true;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--mqtt" -> mqtt = value(args, ++i, "--mqtt");
                case "--config" -> config = value(args, ++i, "--config");
                case "--state-dir" -> stateDir = Path.of(value(args, ++i, "--state-dir"));
                case "--speedup" -> {
                    speedup = value(args, ++i, "--speedup");
                    speedupFrom = "--speedup";
                }
                case "--no-camera" -> cameras = false;
                default -> throw new UsageException("unknown option '" + args[i] + "'");
            }
        }
        double factor;
        try {
            factor = Double.parseDouble(speedup);
        } catch (NumberFormatException e) {
            throw new UsageException(speedupFrom + " expected a positive number but was '" + speedup + "'");
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new UsageException(speedupFrom + " expected a positive number but was '" + speedup + "'");
        }
        if (!MqttSettings.isValidUrl(mqtt)) {
            throw new UsageException("--mqtt expected an MQTT URL like tcp://host:1883 but was '" + mqtt + "'");
        }
        SitesConfig sites;
        try {
            sites = config == null ? SitesConfig.bundled() : SitesConfig.load(Path.of(config));
        } catch (IOException e) {
            throw new UsageException("--config cannot read " + config + ": " + e);
        } catch (InvalidConfigException e) {
            throw new UsageException(e.getMessage());
        }
        return new ReplayOptions(mqtt, blankToNull(env.get("IOC_MQTT_USERNAME")), blankToNull(env.get("IOC_MQTT_PASSWORD")),
                stateDir, factor, sites, cameras);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " expects a value");
        }
        return args[i];
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
