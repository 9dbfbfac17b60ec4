package vn.ioc.edge.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ioc.edge.SequenceNumbers;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.embedded.Ports;
import vn.ioc.ingest.mqtt.MqttConnection;
import vn.ioc.ingest.mqtt.MqttSettings;

/**
 * An agent publishing steadily through a broker outage, crashing and restarting in the
 * middle of it: a subscriber with a persistent session sees every message once the broker
 * is back, in order. The broker is one of the test's own (Mosquitto where installed, else the embedded HiveMQ CE).
 */
class StoreAndForwardIT {

    private static final Logger log = LoggerFactory.getLogger(StoreAndForwardIT.class);
    private static final String SITE = "hue-forward-it";
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int WINDOW = 20;

    @TempDir
    Path state;

    /** Sends a message every millisecond or so, alternating priorities, and remembers each seq. */
    private static final class Producer implements AutoCloseable {
        private final List<Long> sent = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private volatile StoreAndForward target;

        Producer(StoreAndForward first) {
            this.target = first;
            this.thread = new Thread(this::run, "producer");
            thread.start();
        }

        private void run() {
            Priority[] cycle = {Priority.READING, Priority.STATISTICS, Priority.READING, Priority.EVENT};
            int i = 0;
            while (running.get()) {
                StoreAndForward t = target;
                if (t != null) {
                    try {
                        Priority p = cycle[i++ % cycle.length];
                        String topic = Topics.sensorObservations(SITE, p.name().toLowerCase());
                        sent.add(t.send(p, topic, seq -> ("{\"agent\":\"" + SITE + "\",\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8)));
                    } catch (IllegalStateException e) {
                        // the agent crashed under us: the next one takes over
                    }
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void switchTo(StoreAndForward next) {
            target = next;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    private StoreAndForward agent(String url) throws Exception {
        return StoreAndForward.builder(MqttSettings.of(url, SITE), SITE, state.resolve("buffer"),
                        SequenceNumbers.open(state.resolve("sequence"), SITE, 100))
                .birth(Topics.status(SITE), () -> "{\"online\":true}".getBytes(StandardCharsets.UTF_8))
                .will(Topics.status(SITE), "{\"online\":false}".getBytes(StandardCharsets.UTF_8))
                .healthInterval(Duration.ZERO)
                .maxInFlight(WINDOW)
                .start();
    }

    @Test
    void everyMessageArrivesInOrderAfterAnOutageWithACrashAndRestartOfTheAgentInIt() throws Exception {
        try (RestartableBroker broker = RestartableBroker.create(Ports.free(), state)) {
            broker.start();
            List<Long> received = new CopyOnWriteArrayList<>();
            AtomicBoolean subscribed = new AtomicBoolean();
            String probe = "ioc-test/probe/" + SITE;
            // A persistent session: what the broker queues for it while it is away, it gets on return.
            MqttConnection subscriber = MqttConnection.builder(MqttSettings.of(broker.url(), "forward-it-sub").persistent(600))
                    .subscribe(Topics.sitePrefix(SITE) + "sensor/+/obs", 1)
                    .subscribe(probe, 1)
                    .listener((topic, m) -> {
                        Matcher seq = SEQ.matcher(new String(m.getPayload(), StandardCharsets.UTF_8));
                        if (seq.find()) {
                            received.add(Long.parseLong(seq.group(1)));
                        } else if (topic.equals(probe)) {
                            subscribed.set(true);
                        }
                    })
                    .build().connect(PATIENCE);
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
                subscriber.publish(probe, new byte[] {1}, 1, false);
                return subscribed.get();
            });

            StoreAndForward first = agent(broker.url());
            try (Producer producer = new Producer(first)) {
                await().atMost(PATIENCE).until(() -> received.size() >= 300);

                broker.stop();
                await().atMost(PATIENCE).until(() -> !first.isConnected());
                await().atMost(PATIENCE).until(() -> first.counters().buffered() >= 500);
                first.abort(); // the agent crashes in the middle of the outage
                StoreAndForward second = agent(broker.url());
                producer.switchTo(second);
                await().atMost(PATIENCE).until(() -> second.counters().buffered() >= 1500);
                assertThat(second.isConnected()).isFalse();

                broker.start();
                await().atMost(PATIENCE).until(second::isConnected);
                long backlog = second.counters().buffered();
                long t0 = System.nanoTime();
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> second.counters().buffered() < 50);
                double seconds = (System.nanoTime() - t0) / 1e9;
                log.info("backlog of {} messages delivered in {} s ({} messages/s) while new ones kept coming",
                        backlog, String.format("%.2f", seconds), Math.round(backlog / seconds));
                Thread.sleep(500); // a little more live traffic
                producer.close();
                List<Long> sent = List.copyOf(producer.sent);
                await().atMost(PATIENCE).until(() -> received.containsAll(sent));
                second.close();

                List<Long> firstArrivals = received.stream().distinct().toList();
                int redelivered = received.size() - firstArrivals.size();
                log.info("{} messages sent, {} received, {} of them redelivered", sent.size(), received.size(), redelivered);
                assertThat(firstArrivals).as("every message, in the order sent").isEqualTo(sent);
                // what was in flight when the broker went, on both legs: from the agent (sent again after the
                // reconnect) and to this subscriber (the broker sends its unacknowledged ones again); 20 each
                assertThat(redelivered).as("redelivered: only what was in flight when the broker went").isLessThanOrEqualTo(2 * WINDOW);
                assertThat(second.counters().dropped()).isZero();
            } finally {
                first.abort();
                subscriber.close();
            }
        }
    }
}
