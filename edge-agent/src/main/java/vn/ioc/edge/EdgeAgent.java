package vn.ioc.edge;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ioc.ingest.contract.Measurement;
import vn.ioc.ingest.contract.SenmlCodec;
import vn.ioc.ingest.contract.SensorMessage;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.SiteStatusCodec;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.mqtt.MqttConnection;
import vn.ioc.ingest.mqtt.MqttSettings;

/**
 * One replaying edge site: its own MQTT client (client id = site id), a retained birth on
 * every (re)connect, a will the broker publishes if the agent dies, and its sensors' and
 * cameras' replays. Starting never waits for the broker: the agent keeps trying in the
 * background and, until there is a disk buffer, drops what it reads meanwhile and counts it.
 */
public final class EdgeAgent implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EdgeAgent.class);
    private static final SenmlCodec SENML = new SenmlCodec();
    private static final SiteStatusCodec STATUS = new SiteStatusCodec();
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(3);

    /** A recorded series being replayed by one of the site's sensors. */
    private record Feed(Sensor sensor, MetricSeries series, SeriesReplay replay, String topic) {
    }

    private final Site site;
    private final MqttSettings mqtt;
    private final SequenceNumbers sequence;
    private final double speedup;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final List<Feed> feeds = new ArrayList<>();
    private final List<CameraReplay> cameras = new ArrayList<>();
    private final MqttConnection connection;
    private final Thread connector;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean offline = new AtomicBoolean();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedThisOutage = new AtomicLong();
    private final AtomicLong births = new AtomicLong();

    private EdgeAgent(Site site, MqttSettings mqtt, SequenceNumbers sequence, double speedup, Clock clock) throws MqttException {
        this.site = site;
        this.speedup = speedup;
        this.mqtt = mqtt.withClientId(site.id());
        this.sequence = sequence;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(site.cameras().isEmpty() ? 1 : 2, r -> {
            Thread t = new Thread(r, "edge-" + site.id() + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.connection = MqttConnection.builder(this.mqtt)
                .will(Topics.status(site.id()), STATUS.encode(SiteStatus.will(site.id(), site.id())), 1, true)
                .onConnect(c -> runOnAgent(this::connected))
                .build();
        this.connector = new Thread(this::connectUntilDone, "edge-" + site.id() + "-connect");
        connector.setDaemon(true);
    }

    /**
     * Starts replaying {@code site} and returns at once; the connection is made in the background.
     *
     * @param mqtt     the broker; the client id is replaced by the site id
     * @param sequence the site's message numbers, closed with the agent
     * @param stateDir where a copy of a bundled video is kept for FFmpeg
     * @param speedup  recorded seconds per wall-clock second
     */
    public static EdgeAgent start(Site site, MqttSettings mqtt, SequenceNumbers sequence, Path stateDir, double speedup, Clock clock)
            throws IOException {
        if (!(speedup > 0) || Double.isInfinite(speedup)) {
            throw new IllegalArgumentException("expected a positive speed-up but was " + speedup);
        }
        EdgeAgent agent;
        try {
            agent = new EdgeAgent(site, mqtt, sequence, speedup, clock);
        } catch (MqttException e) {
            throw new IOException(site.id() + ": cannot create an MQTT client for " + mqtt.url() + ": " + e.getMessage(), e);
        }
        try {
            agent.prepareCameras(stateDir);
        } catch (IOException | RuntimeException e) {
            agent.close();
            throw e;
        }
        agent.connector.start();
        return agent;
    }

    /** Prepares the cameras' videos now, so a missing file fails the start rather than a thread. */
    private void prepareCameras(Path stateDir) throws IOException {
        for (Camera c : site.cameras()) {
            Path video = c.video().localPath(stateDir.resolve("video"));
            cameras.add(new CameraReplay(site.id(), c, video, this::publishFrame, clock));
        }
    }

    /**
     * Starts the replays once the first connection attempt is over, so that a reachable
     * broker gets the birth first and the first readings are not lost to the connecting.
     */
    private void beginReplays() {
        Instant now = clock.instant();
        for (Sensor s : site.sensors()) {
            for (MetricSeries m : s.series()) {
                SeriesReplay replay = new SeriesReplay(m.file(), m.file().indexAt(s.start()), speedup, now);
                feeds.add(new Feed(s, m, replay, Topics.sensorObservations(site.id(), s.id())));
            }
        }
        cameras.forEach(c -> c.start(executor));
        if (!feeds.isEmpty()) {
            replayDue();
        }
    }

    public Site site() {
        return site;
    }

    public boolean isConnected() {
        return connection.isConnected();
    }

    /** Readings the broker acknowledged. */
    public long publishedReadings() {
        return published.get();
    }

    /** Readings lost because the broker was out of reach (no disk buffer yet). */
    public long droppedReadings() {
        return dropped.get();
    }

    /** Birth messages published: one per (re)connect. */
    public long births() {
        return births.get();
    }

    private void connectUntilDone() {
        Duration delay = Duration.ofSeconds(1);
        boolean warned = false;
        boolean replaying = false;
        while (!closed.get()) {
            boolean connected = false;
            try {
                // No patience inside: this loop retries, and logs once instead of once per attempt.
                connection.connect(Duration.ZERO);
                connected = true;
            } catch (MqttException e) {
                if (!warned && !closed.get()) {
                    warned = true;
                    log.warn("{}: cannot reach the MQTT broker {} ({}); retrying in the background", site.id(), mqtt.url(), e.getMessage());
                }
            } catch (InterruptedException e) {
                return;
            }
            if (!replaying) {
                replaying = true;
                runOnAgent(this::beginReplays);
            }
            if (connected) {
                return; // from here on Paho reconnects by itself
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            delay = delay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay.multipliedBy(2);
        }
    }

    /** After every (re)connect, on the agent's thread: Paho's callback thread must not block on a publish. */
    private void connected() {
        SiteStatus birth = SiteStatus.birth(site.id(), site.id(), clock.instant(), site.name(), site.lat(), site.lon(), site.devices());
        connection.publish(Topics.status(site.id()), STATUS.encode(birth), 1, true).whenComplete((ok, e) -> {
            if (e == null) {
                births.incrementAndGet();
            } else {
                log.warn("{}: birth message not delivered: {}", site.id(), e.toString());
            }
        });
        if (offline.getAndSet(false)) {
            log.info("{}: connected to {} again; {} readings were dropped while it was out of reach",
                    site.id(), mqtt.url(), droppedThisOutage.getAndSet(0));
        }
    }

    /** Publishes every reading now due, then sleeps until the next one is. */
    private void replayDue() {
        Instant next = null;
        try {
            Instant now = clock.instant();
            for (Feed f : feeds) {
                for (SeriesFile.Row row : f.replay().takeDue(now)) {
                    publishReading(f, row, now);
                }
                Instant due = f.replay().nextDue();
                next = next == null || due.isBefore(next) ? due : next;
            }
        } catch (RuntimeException e) {
            log.error("{}: replay step failed: {}", site.id(), e.toString(), e);
        } finally {
            long delay = next == null ? TimeUnit.SECONDS.toNanos(1) : Math.max(0, Duration.between(clock.instant(), next).toNanos());
            try {
                executor.schedule(this::replayDue, delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // closing
            }
        }
    }

    private void publishReading(Feed f, SeriesFile.Row row, Instant now) {
        if (!connection.isConnected()) {
            drop();
            return;
        }
        // "As if live": the reading carries the time it is published, not the recorded time.
        Measurement m = new Measurement(f.series().metric(), f.series().unit(), f.series().valueOf(row), now);
        SensorMessage message = new SensorMessage(site.id(), sequence.next(), site.id(), f.sensor().id(), List.of(m));
        connection.publish(f.topic(), SENML.encode(message), 1, false).whenComplete((ok, e) -> {
            if (e == null) {
                published.incrementAndGet();
            } else {
                drop();
            }
        });
    }

    private void drop() {
        dropped.incrementAndGet();
        droppedThisOutage.incrementAndGet();
        if (!closed.get() && !offline.getAndSet(true)) {
            log.warn("{}: the MQTT broker {} is out of reach; dropping readings until it is back (no disk buffer yet)", site.id(), mqtt.url());
        }
    }

    private void publishFrame(Camera camera, byte[] jpeg, Instant time) {
        if (!connection.isConnected()) {
            return;
        }
        String timestamp = time.truncatedTo(ChronoUnit.MILLIS).toString();
        connection.publish(Topics.cameraFrame(site.id(), camera.id()), jpeg, 0, true, List.of(new UserProperty("timestamp", timestamp)));
    }

    private void runOnAgent(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // closing: nothing more to announce
        }
    }

    /** Stops the replays, publishes a retained shutdown status and disconnects cleanly (no will). */
    @Override
    public void close() {
        if (!stop()) {
            return;
        }
        if (connection.isConnected()) {
            SiteStatus bye = SiteStatus.shutdown(site.id(), site.id(), clock.instant());
            try {
                connection.publish(Topics.status(site.id()), STATUS.encode(bye), 1, true)
                        .get(CLOSE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                log.warn("{}: shutdown status not delivered: {}", site.id(), e.toString());
            }
        }
        connection.close();
        sequence.close();
        log.info("{}: stopped after {} readings ({} dropped)", site.id(), published.get(), dropped.get());
    }

    /**
     * Dies as a crash would: no shutdown status, no clean disconnect (the broker publishes the
     * will), sequence numbers not given back.
     */
    public void abort() {
        if (stop()) {
            connection.abort();
        }
    }

    private boolean stop() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        connector.interrupt();
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("{}: replay threads did not stop within 5 s", site.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cameras.forEach(CameraReplay::close);
        return true;
    }
}
