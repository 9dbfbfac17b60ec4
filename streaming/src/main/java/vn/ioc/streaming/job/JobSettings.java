package vn.ioc.streaming.job;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.flink.util.ParameterTool;

import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.mqtt.MqttSettings;
import vn.ioc.ingest.source.MqttSourceSettings;
import vn.ioc.streaming.sink.DbSettings;

/**
 * The job's configuration: each value from a {@code --flag}, else an environment variable,
 * else a default.
 *
 * <pre>
 * --mqtt-url            IOC_MQTT_URL           tcp://localhost:1883
 * --mqtt-username       IOC_MQTT_USERNAME      (anonymous)
 * --mqtt-password       IOC_MQTT_PASSWORD
 * --client-id           IOC_JOB_CLIENT_ID      ioc-job    prefix of the job's MQTT session ids
 * --group               IOC_JOB_GROUP          ioc-job    shared-subscription group
 * --sessions            IOC_JOB_SESSIONS       0          MQTT sessions; 0: the source parallelism
 * --db-url              IOC_DB_URL             jdbc:postgresql://localhost:5432/ioc
 * --db-user             IOC_DB_USER
 * --db-password         IOC_DB_PASSWORD
 * --checkpoint-interval IOC_CHECKPOINT_INTERVAL PT10S
 * --checkpoint-dir      IOC_CHECKPOINT_DIR     (Flink's configuration)  e.g. file:///data/checkpoints, s3://...
 * --state-backend       IOC_STATE_BACKEND      hashmap    or rocksdb: state on local disk, incremental checkpoints
 * --speedup             IOC_REPLAY_SPEEDUP     1          >1 when the edge replays recorded data faster than real time
 * </pre>
 */
public record JobSettings(
        MqttSettings mqtt, String group, int sessions, DbSettings db,
        Duration checkpointInterval, String checkpointDir, String stateBackend, double speedup) implements Serializable {

    /** What the job reads through its shared subscription. */
    static final List<String> SHARED_TOPICS = Stream.concat(Topics.EDGE_DATA.stream(), Stream.of(Topics.ALL_REPORTS)).toList();

    /** Flink's names for the state backends the job may choose. */
    public static final List<String> STATE_BACKENDS = List.of("hashmap", "rocksdb");

    public JobSettings {
        if (!STATE_BACKENDS.contains(stateBackend)) {
            throw new IllegalArgumentException("expected a state backend among " + STATE_BACKENDS + " but was '" + stateBackend + "'");
        }
    }

    public static JobSettings from(String[] args, Map<String, String> env) {
        ParameterTool p = ParameterTool.fromArgs(args);
        MqttSettings mqtt = MqttSettings.of(value(p, env, "mqtt-url", "IOC_MQTT_URL", MqttSettings.DEFAULT_URL),
                        value(p, env, "client-id", "IOC_JOB_CLIENT_ID", "ioc-job"))
                .withCredentials(value(p, env, "mqtt-username", "IOC_MQTT_USERNAME", null),
                        value(p, env, "mqtt-password", "IOC_MQTT_PASSWORD", null));
        DbSettings db = new DbSettings(value(p, env, "db-url", "IOC_DB_URL", "jdbc:postgresql://localhost:5432/ioc"),
                value(p, env, "db-user", "IOC_DB_USER", null), value(p, env, "db-password", "IOC_DB_PASSWORD", null));
        return new JobSettings(mqtt, value(p, env, "group", "IOC_JOB_GROUP", "ioc-job"),
                Integer.parseInt(value(p, env, "sessions", "IOC_JOB_SESSIONS", "0")), db,
                Duration.parse(value(p, env, "checkpoint-interval", "IOC_CHECKPOINT_INTERVAL", "PT10S")),
                value(p, env, "checkpoint-dir", "IOC_CHECKPOINT_DIR", null),
                value(p, env, "state-backend", "IOC_STATE_BACKEND", "hashmap"),
                Double.parseDouble(value(p, env, "speedup", "IOC_REPLAY_SPEEDUP", "1")));
    }

    private static String value(ParameterTool p, Map<String, String> env, String flag, String variable, String fallback) {
        String v = p.get(flag);
        if (v == null) {
            v = env.get(variable);
        }
        return v == null || v.isBlank() ? fallback : v;
    }

    /**
     * The source: edge data and citizen reports shared among the job's sessions (each message
     * reaches exactly one), site status to session 0 whole.
     */
    public MqttSourceSettings source() {
        return MqttSourceSettings.of(mqtt, group, SHARED_TOPICS, List.of(Topics.ALL_SITE_STATUS))
                .withSessions(sessions);
    }

    public DetectionOptions detection() {
        return speedup > 1 ? DetectionOptions.replay(speedup) : DetectionOptions.defaults();
    }
}
