package vn.ioc.console.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import vn.ioc.console.IocConsoleApplication;
import vn.ioc.edge.ReplayAgents;
import vn.ioc.edge.ReplayOptions;
import vn.ioc.ingest.embedded.EmbeddedBroker;
import vn.ioc.ingest.embedded.EmbeddedDatabase;
import vn.ioc.ingest.embedded.Ports;
import vn.ioc.ingest.mqtt.MqttSettings;
import vn.ioc.streaming.job.Checkpoints;
import vn.ioc.streaming.job.IncidentJob;
import vn.ioc.streaming.job.JobSettings;
import vn.ioc.streaming.sink.DbSettings;

/**
 * The whole IOC in one process with nothing installed: an embedded PostgreSQL and MQTT
 * broker, the real Flink job on a MiniCluster, replaying edge agents, and the console.
 * Everything keeps its state under {@code IOC_DATA_DIR}, so a restart keeps history, the
 * job resumes from its last checkpoint and its MQTT sessions hand over what arrived meanwhile.
 */
public final class LocalLauncher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalLauncher.class);

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private ConfigurableApplicationContext console;

    /** {@code java -jar ioc-console.jar local}: exits non-zero with one clear line when it cannot start. */
    public static void main(String[] args) {
        LocalSettings settings;
        try {
            settings = LocalSettings.from(System.getenv());
            Ports.requireFree(settings.serverPort(), "console", "SERVER_PORT");
            Ports.requireFree(settings.mqttPort(), "embedded MQTT broker", "IOC_MQTT_PORT");
        } catch (IllegalArgumentException | Ports.PortTakenException e) {
            System.err.println("ioc: " + e.getMessage());
            System.exit(1);
            return;
        }
        LocalLauncher launcher = new LocalLauncher();
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::close, "ioc-shutdown"));
        try {
            launcher.start(settings, args);
        } catch (Ports.PortTakenException e) {
            System.err.println("ioc: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            log.error("The local IOC could not start: {}", e.getMessage(), e);
            System.err.println("ioc: could not start: " + e.getMessage());
            System.exit(1);
        }
    }

    public ConfigurableApplicationContext start(LocalSettings s, String... args) throws Exception {
        Files.createDirectories(s.dataDir());
        log.info("Starting the local IOC with data in {}", s.dataDir());

        EmbeddedDatabase db = EmbeddedDatabase.start(s.dataDir().resolve("postgres"), s.pgPort());
        running.push(db); // the job's start brings the schema up to date

        EmbeddedBroker broker = EmbeddedBroker.start(s.mqttPort(), s.dataDir().resolve("broker"), false);
        running.push(broker);

        JobSettings job = new JobSettings(MqttSettings.of(broker.url(), "ioc-job"), "ioc-job", s.parallelism(),
                new DbSettings(db.jdbcUrl(), null, null), Duration.ofSeconds(1),
                s.dataDir().resolve("checkpoints").toUri().toString(), "hashmap", s.speedup());
        JobClient client = startJob(job, s);
        running.push(() -> client.cancel().get());

        if (s.replay()) {
            ReplayAgents agents = ReplayAgents.start(ReplayOptions.defaults(broker.url(), s.dataDir().resolve("agents"))
                    .withSpeedup(s.speedup()));
            running.push(agents);
        }

        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", Integer.toString(s.serverPort()));
        properties.put("spring.datasource.url", db.jdbcUrl());
        properties.put("ioc.mqtt.url", broker.url());
        console = IocConsoleApplication.start(properties, args);
        log.info("IOC running: console http://localhost:{}  MQTT {}  PostgreSQL 127.0.0.1:{}  data {}",
                s.serverPort(), broker.url(), db.port(), s.dataDir());
        return console;
    }

    /**
     * Resumes from the last retained checkpoint when there is one. A resume counts once the
     * resumed job completes a checkpoint of its own; if it does not (state from an older,
     * incompatible version), the job starts afresh and the MQTT sessions still hand it what
     * arrived meanwhile.
     */
    private JobClient startJob(JobSettings job, LocalSettings s) throws Exception {
        Configuration conf = new Configuration();
        conf.set(CoreOptions.DEFAULT_PARALLELISM, s.parallelism());
        conf.set(RestOptions.BIND_PORT, "0"); // the MiniCluster's REST endpoint must not take a fixed port
        Path checkpoints = s.dataDir().resolve("checkpoints");
        Optional<Path> last = Checkpoints.latest(checkpoints);
        if (last.isPresent()) {
            Configuration restore = conf.clone();
            restore.set(StateRecoveryOptions.SAVEPOINT_PATH, last.get().toUri().toString());
            JobClient client = IncidentJob.start(job, restore);
            if (awaitCheckpoint(client, checkpoints)) {
                log.info("Incident job resumed from {}", last.get());
                return client;
            }
            log.warn("Incident job could not resume from {}; starting it without its previous state", last.get());
            client.cancel().get();
        }
        JobClient client = IncidentJob.start(job, conf);
        if (!awaitCheckpoint(client, checkpoints)) {
            throw new IllegalStateException("the incident job did not start: " + client.getJobStatus().get());
        }
        return client;
    }

    /** Whether the job completed its first checkpoint (then it runs, with its state restored if asked). */
    private static boolean awaitCheckpoint(JobClient client, Path checkpoints) throws Exception {
        Path own = checkpoints.resolve(client.getJobID().toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (Checkpoints.latest(own).isPresent()) {
                return true;
            }
            if (client.getJobStatus().get().isGloballyTerminalState()) {
                return false;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** Stops in reverse order: console, agents (their shutdown status), job (its checkpoint stays), broker, database. */
    @Override
    public synchronized void close() {
        if (console != null) {
            console.close();
            console = null;
        }
        while (!running.isEmpty()) {
            AutoCloseable c = running.pop();
            try {
                c.close();
            } catch (Exception e) {
                log.warn("While stopping: {}", e.toString());
            }
        }
    }
}
