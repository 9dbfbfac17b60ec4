package vn.ioc.ingest.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import vn.ioc.ingest.embedded.EmbeddedBroker;
import vn.ioc.ingest.embedded.Ports;

/**
 * A real MQTT 5 broker for tests: the one named by {@code IOC_TEST_MQTT_URL} (e.g. the
 * machine's Mosquitto, {@code tcp://127.0.0.1:1883}) when set, otherwise an embedded
 * HiveMQ CE started once per test JVM. Tests keep apart by using their own site ids,
 * client ids and shared-subscription groups ({@link #unique}).
 */
public final class TestBroker {

    public static final String ENV = "IOC_TEST_MQTT_URL";
    private static EmbeddedBroker embedded;

    private TestBroker() {
    }

    public static synchronized String url() {
        String external = System.getenv(ENV);
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (embedded == null) {
            try {
                Path dir = Files.createTempDirectory("ioc-test-broker");
                embedded = EmbeddedBroker.start(Ports.free(), dir, true);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        }
        return embedded.url();
    }


    /** An id no other test (or earlier run against the same broker) uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
