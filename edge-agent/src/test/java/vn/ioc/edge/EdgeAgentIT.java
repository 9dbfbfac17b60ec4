package vn.ioc.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ioc.ingest.contract.InvalidMessageException;
import vn.ioc.ingest.contract.Measurement;
import vn.ioc.ingest.contract.SenmlCodec;
import vn.ioc.ingest.contract.SensorMessage;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.embedded.Ports;
import vn.ioc.ingest.mqtt.MqttSettings;
import vn.ioc.ingest.testing.TestBroker;

/**
 * Replaying sensor sites against a real broker: the embedded HiveMQ CE, or the one named by
 * {@code IOC_TEST_MQTT_URL}. Each test replays a bundled site under a unique id.
 */
class EdgeAgentIT {

    /** 5-minute gaps become 100 ms: a site publishes about ten readings a second per series. */
    private static final double FAST = 3000;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path state;

    private final List<EdgeAgent> agents = new ArrayList<>();
    private final List<String> retained = new ArrayList<>();

    @AfterEach
    void stopAgentsAndClearRetained() throws Exception {
        agents.forEach(EdgeAgent::close);
        Subscriber.clearRetained(retained.toArray(String[]::new));
    }

    private Site bundled(String id) {
        Site site = SitesConfig.bundled().site(id).orElseThrow().withId(TestBroker.unique(id));
        retained.add(Topics.status(site.id()));
        return site;
    }

    private EdgeAgent start(Site site, String url) throws Exception {
        EdgeAgent agent = EdgeAgent.start(site, MqttSettings.of(url, "ignored"),
                SequenceNumbers.open(state.resolve("sequence"), site.id(), 50), state, FAST, Clock.systemUTC());
        agents.add(agent);
        return agent;
    }

    private static SensorMessage senml(Subscriber.Received r) throws InvalidMessageException {
        return new SenmlCodec().decode(Topics.parse(r.topic()), r.payload(), Instant.now());
    }

    @Test
    void birthIsRetainedWithThePlaceAndDevicesAsConfigured() throws Exception {
        Site site = bundled("hue-phuhoi");
        EdgeAgent agent = start(site, TestBroker.url());
        await().atMost(PATIENCE).until(() -> agent.births() >= 1);

        try (Subscriber late = Subscriber.to(Topics.status(site.id()))) {
            Subscriber.Received r = late.awaitFirst(Topics.status(site.id()), x -> true, PATIENCE);
            SiteStatus birth = Subscriber.status(site.id(), r);

            assertThat(r.message().isRetained()).as("delivered as the retained status").isTrue();
            assertThat(birth.online()).isTrue();
            assertThat(birth.agent()).isEqualTo(site.id());
            assertThat(birth.name()).isEqualTo("Nút giao phường Phú Hội");
            assertThat(birth.lat()).isEqualTo(16.469);
            assertThat(birth.lon()).isEqualTo(107.597);
            assertThat(birth.time()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(Duration.ofSeconds(30)));
            assertThat(birth.devices()).containsExactly(new SiteStatus.Device("loop-1", SiteStatus.Kind.SENSOR, "traffic-loop", false),
                    new SiteStatus.Device("agent", SiteStatus.Kind.SENSOR, "edge-agent", false));
        }
    }

    @Test
    void closePublishesARetainedShutdownStatus() throws Exception {
        Site site = bundled("hue-vida");
        EdgeAgent agent = start(site, TestBroker.url());
        await().atMost(PATIENCE).until(() -> agent.births() >= 1);

        agent.close();

        try (Subscriber late = Subscriber.to(Topics.status(site.id()))) {
            SiteStatus status = Subscriber.status(site.id(), late.awaitFirst(Topics.status(site.id()), x -> true, PATIENCE));
            assertThat(status.online()).isFalse();
            assertThat(status.reason()).isEqualTo("shutdown");
            assertThat(status.time()).isNotNull();
        }
    }

    @Test
    void readingsDecodeWithIncreasingSequenceNumbersAndTheContractsMetrics() throws Exception {
        Site site = bundled("hue-phuhoi");
        String topic = Topics.sensorObservations(site.id(), "loop-1");
        try (Subscriber sub = Subscriber.to(topic)) {
            start(site, TestBroker.url());
            List<Subscriber.Received> got = sub.awaitCount(topic, 20, PATIENCE);

            List<SensorMessage> messages = new ArrayList<>();
            for (Subscriber.Received r : got) {
                messages.add(senml(r));
            }
            assertThat(messages).allSatisfy(m -> {
                assertThat(m.agent()).isEqualTo(site.id());
                assertThat(m.site()).isEqualTo(site.id());
                assertThat(m.measurements()).hasSize(1);
                assertThat(m.measurements().get(0).time()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(Duration.ofSeconds(30)));
            });
            List<Long> seqs = messages.stream().map(SensorMessage::seq).toList();
            assertThat(seqs).as("one agent, one topic, QoS 1: in order").isSorted().doesNotHaveDuplicates();
            assertThat(messages.stream().map(m -> m.measurements().get(0)))
                    .extracting(Measurement::metric, Measurement::unit)
                    .containsOnly(tuple("speed", "km/h"), tuple("occupancy", "%"));
            // The replay starts at the first rows at or after 2015-09-16T07:30: 64 mph and 9.83 % at 07:34.
            Measurement firstSpeed = messages.stream().map(m -> m.measurements().get(0))
                    .filter(m -> m.metric().equals("speed")).findFirst().orElseThrow();
            assertThat(firstSpeed.value()).isEqualTo(Math.round(64 * Units.KM_PER_MILE * 1000) / 1000.0);
        }
    }

    @Test
    void abortMakesTheBrokerPublishTheWill() throws Exception {
        Site site = bundled("hue-ancuu");
        EdgeAgent agent = start(site, TestBroker.url());
        await().atMost(PATIENCE).until(() -> agent.births() >= 1);
        try (Subscriber sub = Subscriber.to(Topics.status(site.id()))) {
            sub.awaitFirst(Topics.status(site.id()), r -> Subscriber.status(site.id(), r).online(), PATIENCE);

            agent.abort();

            SiteStatus will = Subscriber.status(site.id(),
                    sub.awaitFirst(Topics.status(site.id()), r -> !Subscriber.status(site.id(), r).online(), PATIENCE));
            assertThat(will.agent()).isEqualTo(site.id());
            assertThat(will.reason()).isEqualTo("connection lost");
        }
    }

    @Test
    void sequenceNumbersKeepIncreasingAcrossARestartAndACrash() throws Exception {
        Site site = bundled("hue-kimlong");
        String topic = Topics.sensorObservations(site.id(), "loop-1");
        try (Subscriber sub = Subscriber.to(topic)) {
            List<List<Long>> runs = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                int before = sub.on(topic).size();
                EdgeAgent agent = start(site, TestBroker.url());
                sub.awaitCount(topic, before + 8, PATIENCE);
                if (run == 1) {
                    agent.abort(); // a crash: the reserved block is not given back
                } else {
                    agent.close();
                }
                agents.remove(agent);
                Thread.sleep(300); // acknowledged messages still on their way to the subscriber
                List<Long> seqs = new ArrayList<>();
                for (Subscriber.Received r : sub.on(topic).subList(before, sub.on(topic).size())) {
                    seqs.add(senml(r).seq());
                }
                runs.add(seqs);
            }
            // After the crash the next run first delivers what the crashed one had buffered or in
            // flight (a redelivery the store recognises); every number it makes itself is new.
            List<Long> all = runs.stream().flatMap(List::stream).toList();
            assertThat(all.stream().distinct().toList()).as("in order once redeliveries are set aside").isSorted();
            assertThat(all.size() - all.stream().distinct().count()).as("redelivered: at most a window").isLessThanOrEqualTo(20);
            for (int run = 1; run < runs.size(); run++) {
                long highestBefore = runs.subList(0, run).stream().flatMap(List::stream).mapToLong(Long::longValue).max().orElseThrow();
                List<Long> earlier = runs.subList(0, run).stream().flatMap(List::stream).toList();
                assertThat(runs.get(run).stream().filter(seq -> !earlier.contains(seq)))
                        .as("numbers made by run %d", run).allMatch(seq -> seq > highestBefore);
            }
        }
    }

    @Test
    void readingsMadeWhileTheBrokerIsAwayAreBufferedAndDeliveredInOrderWhenItIsBack() throws Exception {
        Site site = bundled("hue-xuanphu");
        String readings = Topics.sensorObservations(site.id(), "loop-1");
        try (TcpRelay relay = new TcpRelay(Ports.free(), TestBroker.url());
             Subscriber sub = Subscriber.to(Topics.status(site.id()), readings)) {
            long t0 = System.nanoTime();
            EdgeAgent agent = start(site, relay.url());
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("start does not wait for the broker").isLessThan(Duration.ofSeconds(2));

            await().atMost(PATIENCE).until(() -> agent.bufferedMessages() >= 3);
            assertThat(agent.isConnected()).isFalse();
            assertThat(agent.publishedReadings()).isZero();

            relay.open();
            await().atMost(PATIENCE).until(() -> agent.births() >= 1 && agent.publishedReadings() >= 3);

            relay.cut(); // the network fails: the broker publishes the will, the agent buffers readings again
            sub.awaitFirst(Topics.status(site.id()), r -> !Subscriber.status(site.id(), r).online(), PATIENCE);
            await().atMost(PATIENCE).until(() -> agent.bufferedMessages() >= 3);
            long publishedBefore = agent.publishedReadings();

            relay.open();
            await().atMost(PATIENCE).until(() -> agent.births() >= 2);
            await().atMost(PATIENCE).until(() -> agent.bufferedMessages() == 0 && agent.publishedReadings() >= publishedBefore + 3);
            agent.close(); // while the relay still carries its goodbye
            Thread.sleep(300); // acknowledged messages still on their way to the subscriber

            List<Long> seqs = new ArrayList<>();
            for (Subscriber.Received r : sub.on(readings)) {
                seqs.add(senml(r).seq());
            }
            List<Long> firstArrivals = seqs.stream().distinct().toList();
            assertThat(firstArrivals).as("in order, redeliveries of what was in flight at the cut aside").isSorted();
            assertThat(agent.counters().dropped()).isZero();
            assertThat(firstArrivals).as("every reading made, none dropped").hasSize((int) agent.publishedReadings());
            assertThat(seqs.size() - firstArrivals.size()).as("redelivered: at most a window").isLessThanOrEqualTo(20);
            List<Subscriber.Received> statuses = sub.on(Topics.status(site.id()));
            assertThat(Subscriber.status(site.id(), statuses.get(statuses.size() - 2)).online()).as("a birth again after the outage").isTrue();
        }
    }
}
