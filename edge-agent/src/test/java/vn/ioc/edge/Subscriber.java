package vn.ioc.edge;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.paho.mqttv5.common.MqttMessage;

import vn.ioc.ingest.contract.InvalidMessageException;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.SiteStatusCodec;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.mqtt.MqttConnection;
import vn.ioc.ingest.mqtt.MqttSettings;
import vn.ioc.ingest.testing.TestBroker;

/** A test's own MQTT client on {@link TestBroker}: records what arrives, and cleans up retained messages. */
final class Subscriber implements AutoCloseable {

    record Received(String topic, MqttMessage message, Instant at) {
        byte[] payload() {
            return message.getPayload();
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final MqttConnection connection;

    private Subscriber(List<String> filters) throws Exception {
        String probe = "ioc-test/probe/" + TestBroker.unique("p");
        MqttConnection.Builder b = MqttConnection.builder(MqttSettings.of(TestBroker.url(), TestBroker.unique("sub")))
                .listener((topic, m) -> received.add(new Received(topic, m, Instant.now())))
                .subscribe(probe, 1);
        for (String f : filters) {
            b.subscribe(f, 1);
        }
        connection = b.build().connect(Duration.ofSeconds(30));
        // Subscriptions are made after the connect completes; wait until they are in place.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            connection.publish(probe, new byte[] {1}, 0, false);
            return received.stream().anyMatch(r -> r.topic().equals(probe));
        });
    }

    static Subscriber to(String... filters) throws Exception {
        return new Subscriber(List.of(filters));
    }

    /** Everything received so far, in arrival order (the subscription probe included). */
    List<Received> all() {
        return List.copyOf(received);
    }

    List<Received> on(String topic) {
        List<Received> out = new ArrayList<>();
        for (Received r : received) {
            if (r.topic().equals(topic) && r.payload().length > 0) {
                out.add(r);
            }
        }
        return out;
    }

    Received awaitFirst(String topic, Predicate<Received> matching, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> on(topic).stream().anyMatch(matching));
        return on(topic).stream().filter(matching).findFirst().orElseThrow();
    }

    List<Received> awaitCount(String topic, int n, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> on(topic).size() >= n);
        return on(topic);
    }

    static SiteStatus status(String site, Received r) {
        try {
            return new SiteStatusCodec().decode(Topics.parse(r.topic()), r.payload(), Instant.now());
        } catch (InvalidMessageException e) {
            throw new AssertionError("not a site status: " + new String(r.payload(), StandardCharsets.UTF_8), e);
        }
    }

    /** Publishes an empty retained message on each topic: the broker forgets what was retained there. */
    static void clearRetained(String... topics) throws Exception {
        try (MqttConnection c = MqttConnection.builder(MqttSettings.of(TestBroker.url(), TestBroker.unique("clean"))).build()) {
            c.connect(Duration.ofSeconds(30));
            for (String t : topics) {
                c.publish(t, new byte[0], 1, true).get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
