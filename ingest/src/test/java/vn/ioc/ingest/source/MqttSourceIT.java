package vn.ioc.ingest.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.mqtt.MqttConnection;
import vn.ioc.ingest.mqtt.MqttSettings;
import vn.ioc.ingest.testing.CollectingSink;
import vn.ioc.ingest.testing.TestBroker;

/**
 * The MQTT source in a Flink MiniCluster against a real broker: the embedded HiveMQ CE, or
 * the broker named by {@code IOC_TEST_MQTT_URL}.
 */
class MqttSourceIT {

    private JobClient job;

    @AfterEach
    void cancel() throws Exception {
        if (job != null) {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private static MqttSourceSettings settings(String site, int sessions) {
        MqttSettings broker = MqttSettings.of(TestBroker.url(), TestBroker.unique("src"));
        return new MqttSourceSettings(broker, TestBroker.unique("grp"),
                List.of(Topics.ROOT + "/" + site + "/sensor/+/obs"), List.of(), sessions, 600, 1000);
    }

    private static StreamExecutionEnvironment env() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        return env;
    }

    /**
     * Publishes "0".."n-1" at QoS 1, about {@code perSecond} a second, and waits until the
     * broker has acknowledged every one. The pace matters on Mosquitto: with its default
     * {@code max_queued_messages 1000} it drops QoS 1 messages for a session that is more
     * than 1000 behind (deploy/ raises it for the job's sessions), and during a restart the
     * job's sessions fall behind by what arrives meanwhile.
     */
    private static void publish(String site, int n, int perSecond) throws Exception {
        try (MqttConnection pub = MqttConnection.builder(MqttSettings.of(TestBroker.url(), TestBroker.unique("pub"))).build()) {
            pub.connect(Duration.ofSeconds(30));
            List<CompletableFuture<Void>> acks = new ArrayList<>(n);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                acks.add(pub.publish(Topics.sensorObservations(site, "s" + (i % 3)), Integer.toString(i).getBytes(UTF_8), 1, false));
                long due = start + i * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 1_000_000) {
                    Thread.sleep(wait / 1_000_000);
                }
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
    }

    private static Set<Integer> numbers(List<String> payloads) {
        return payloads.stream().map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Integer> range(int n) {
        Set<Integer> all = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    @Test
    void twoSessionsShareTheSubscriptionAndReceiveEveryMessageOnce() throws Exception {
        String site = TestBroker.unique("shared");
        var sink = CollectingSink.<String>named(site);
        StreamExecutionEnvironment env = env();
        env.enableCheckpointing(500);
        env.fromSource(new MqttSource(settings(site, 2)), WatermarkStrategy.noWatermarks(), "mqtt")
                .map(r -> new String(r.payload(), UTF_8)).sinkTo(sink);
        job = env.executeAsync("shared subscription");
        awaitSessionsOpen();

        int n = 3000;
        publish(site, n, 1000);

        awaitQuiet(sink, n, Duration.ofSeconds(60));
        Thread.sleep(500); // anything beyond n would be a duplicate
        assertThat(sink.results()).hasSize(n);
        assertThat(numbers(sink.results())).isEqualTo(range(n));
    }

    /**
     * The job fails on one message after a checkpoint has completed: that message never
     * reaches the sink in the first attempt, and neither do those still queued in the
     * reader. Had the source acknowledged them on arrival they would be gone; with
     * acknowledgement after the checkpoint the broker delivers them again to the restored job.
     */
    @Test
    void messagesNotCoveredByACompletedCheckpointAreRedeliveredAfterAFailure() throws Exception {
        String site = TestBroker.unique("failover");
        var sink = CollectingSink.<String>named(site);
        FailOnce.FAILED.set(false);
        StreamExecutionEnvironment env = env();
        env.enableCheckpointing(300);
        env.fromSource(new MqttSource(settings(site, 2)), WatermarkStrategy.noWatermarks(), "mqtt")
                .map(r -> new String(r.payload(), UTF_8))
                .map(new FailOnce(1500))
                .sinkTo(sink);
        job = env.executeAsync("failover");
        awaitSessionsOpen();

        int n = 3000;
        publish(site, n, 1000);

        awaitQuiet(sink, n, Duration.ofSeconds(90));
        assertThat(FailOnce.FAILED).as("the job failed once mid-stream").isTrue();
        assertThat(numbers(sink.results())).isEqualTo(range(n));
        assertThat(sink.results()).contains(Integer.toString(FailOnce.failedOn));
    }

    @Test
    void retainedStatusReachesSessionZeroThroughTheDirectSubscriptionOnly() throws Exception {
        String site = TestBroker.unique("status");
        try (MqttConnection pub = MqttConnection.builder(MqttSettings.of(TestBroker.url(), TestBroker.unique("pub"))).build()) {
            pub.connect(Duration.ofSeconds(30));
            pub.publish(Topics.status(site), "{\"retained\":true}".getBytes(UTF_8), 1, true).get(10, TimeUnit.SECONDS);
        }
        var sink = CollectingSink.<String>named(site);
        StreamExecutionEnvironment env = env();
        env.enableCheckpointing(500);
        MqttSourceSettings s = settings(site, 2);
        s = new MqttSourceSettings(s.broker(), s.group(), s.sharedFilters(), List.of(Topics.status(site)), 2, 600, 1000);
        env.fromSource(new MqttSource(s), WatermarkStrategy.noWatermarks(), "mqtt").map(r -> r.topic()).sinkTo(sink);
        job = env.executeAsync("direct");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !sink.results().isEmpty());
            Thread.sleep(1000);
            assertThat(sink.results()).containsExactly(Topics.status(site));
        } finally {
            try (MqttConnection pub = MqttConnection.builder(MqttSettings.of(TestBroker.url(), TestBroker.unique("pub"))).build()) {
                pub.connect(Duration.ofSeconds(30));
                pub.publish(Topics.status(site), new byte[0], 1, true).get(10, TimeUnit.SECONDS); // clear the retained message
            }
        }
    }

    /** Waits until every number arrived, or until nothing new has arrived for 10 s (then the assertions show what is missing). */
    private static void awaitQuiet(CollectingSink<String> sink, int n, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        int last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int now = numbers(sink.results()).size();
            if (now >= n) {
                return;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > 10_000_000_000L) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /** Subscriptions are made when the readers get their splits; give them a moment. */
    private void awaitSessionsOpen() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> job.getJobStatus().get().toString().equals("RUNNING"));
        Thread.sleep(2000);
    }

    /** Fails the job once, on the first message after {@code after} messages once a checkpoint has completed. */
    static final class FailOnce extends RichMapFunction<String, String> implements CheckpointListener {
        static final AtomicBoolean FAILED = new AtomicBoolean();
        static volatile int failedOn = -1;
        private final int after;
        private transient int seen;
        private transient boolean checkpointed;

        FailOnce(int after) {
            this.after = after;
        }

        @Override
        public void open(OpenContext ctx) {
            seen = 0;
        }

        @Override
        public String map(String value) {
            if (++seen > after / 2 && checkpointed && FAILED.compareAndSet(false, true)) {
                failedOn = Integer.parseInt(value);
                throw new IllegalStateException("injected failure on message " + value);
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }
    }
}
