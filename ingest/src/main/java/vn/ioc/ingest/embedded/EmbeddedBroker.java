package vn.ioc.ingest.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.migration.meta.PersistenceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HiveMQ Community Edition, embedded: a production MQTT 5 broker inside this process, for
 * the local run and the tests. Sessions, queued and retained messages are kept under its
 * folder, so a restart of the local run finds the job's session and the sites' status.
 *
 * <p>HiveMQ sends a subscriber a batch of at most 50 unacknowledged messages and the next
 * batch only once all of it is acknowledged. The stream job acknowledges per checkpoint, so
 * here one MQTT session carries at most 50 messages per checkpoint interval: plenty for the
 * local run (about 12 readings a second). HiveMQ's internal window can be raised, but then its
 * shared subscriptions were seen to stall for good (HiveMQ CE issue #558), so it stays at its
 * default. Brokers that stream acknowledgements (Mosquitto, EMQX) carry the city-scale load.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final EmbeddedHiveMQ hivemq;
    private final int port;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, int port) {
        this.hivemq = hivemq;
        this.port = port;
    }

    /**
     * @param port      TCP port on 127.0.0.1
     * @param directory holds conf/, data/ and extensions/
     * @param inMemory  keep nothing on disk (tests)
     */
    public static EmbeddedBroker start(int port, Path directory, boolean inMemory) {
        Ports.requireFree(port, "embedded MQTT broker", "IOC_MQTT_PORT");
        try {
            Path conf = Files.createDirectories(directory.resolve("conf"));
            Path data = Files.createDirectories(directory.resolve("data"));
            Path extensions = Files.createDirectories(directory.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), config(port, inMemory));
            // Xodus files rather than RocksDB, which would clash with Flink's own RocksDB build.
            InternalConfigurations.PAYLOAD_PERSISTENCE_TYPE.set(PersistenceType.FILE);
            InternalConfigurations.RETAINED_MESSAGE_PERSISTENCE_TYPE.set(PersistenceType.FILE);
            EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(data)
                    .withExtensionsFolder(extensions)
                    .withoutLoggingBootstrap()
                    .build();
            hivemq.start().get(120, TimeUnit.SECONDS);
            log.info("Embedded MQTT broker (HiveMQ CE) listening on 127.0.0.1:{}", port);
            return new EmbeddedBroker(hivemq, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("embedded MQTT broker did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    private static String config(int port, boolean inMemory) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener>
                      <port>%d</port>
                      <bind-address>127.0.0.1</bind-address>
                    </tcp-listener>
                  </listeners>
                  <mqtt>
                    <receive-maximum>
                      <!-- edge agents and the job publish QoS 1 in bursts: let them have 1000 in flight -->
                      <server-receive-maximum>1000</server-receive-maximum>
                    </receive-maximum>
                    <queued-messages>
                      <!-- the stream job's sessions may be away for a restart: keep what arrives -->
                      <max-queue-size>1000000</max-queue-size>
                      <strategy>discard</strategy>
                    </queued-messages>
                  </mqtt>
                  <persistence>
                    <mode>%s</mode>
                  </persistence>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, inMemory ? "in-memory" : "file");
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            hivemq.stop().get(60, TimeUnit.SECONDS);
            hivemq.close();
        } catch (Exception e) {
            log.warn("Embedded MQTT broker did not stop cleanly: {}", e.toString());
        }
    }
}
