package vn.ioc.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ioc.edge.agent.AgentConfig;
import vn.ioc.edge.agent.CameraPipeline;
import vn.ioc.edge.agent.SiteAgent;
import vn.ioc.edge.analytics.CameraConfig;
import vn.ioc.edge.analytics.CameraConfigReader;
import vn.ioc.edge.forward.ForwardCounters;
import vn.ioc.edge.forward.Priority;
import vn.ioc.edge.forward.StoreAndForward;
import vn.ioc.edge.video.VideoSourceConfig;
import vn.ioc.ingest.contract.Measurement;
import vn.ioc.ingest.contract.SenmlCodec;
import vn.ioc.ingest.contract.SensorMessage;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.SiteStatusCodec;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.mqtt.MqttSettings;

/**
 * One replaying edge site: its sensors' and cameras' replays, published through a
 * {@link StoreAndForward} of its own (MQTT client id = site id, retained birth on every
 * (re)connect, will on death, disk buffer in {@code {state}/buffer/{site}}). Starting never
 * waits for the broker: readings produced while it is away wait on disk and are delivered,
 * in order, when it is back; frames are sent only while connected.
 */
public final class EdgeAgent implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EdgeAgent.class);
    private static final SenmlCodec SENML = new SenmlCodec();
    private static final SiteStatusCodec STATUS = new SiteStatusCodec();

    /** A recorded series being replayed by one of the site's sensors. */
    private record Feed(Sensor sensor, MetricSeries series, SeriesReplay replay, String topic) {
    }

    private final Site site;
    private final double speedup;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final List<Feed> feeds = new ArrayList<>();
    /** The cameras, checked at start and run once the first connection attempt is over. */
    private final List<Runnable> cameraStarts = new ArrayList<>();
    private final List<CameraPipeline> cameras = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private StoreAndForward out;

    private EdgeAgent(Site site, double speedup, Clock clock) {
        this.site = site;
        this.speedup = speedup;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(site.cameras().isEmpty() ? 1 : 2, r -> {
            Thread t = new Thread(r, "edge-" + site.id() + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts replaying {@code site} and returns at once; the connection is made in the background.
     *
     * @param mqtt     the broker; the client id is replaced by the site id
     * @param sequence the site's message numbers, closed with the agent
     * @param stateDir where the disk buffer and a copy of a bundled video are kept
     * @param speedup  recorded seconds per wall-clock second
     */
    public static EdgeAgent start(Site site, MqttSettings mqtt, SequenceNumbers sequence, Path stateDir, double speedup, Clock clock)
            throws IOException {
        if (!(speedup > 0) || Double.isInfinite(speedup)) {
            throw new IllegalArgumentException("expected a positive speed-up but was " + speedup);
        }
        EdgeAgent agent = new EdgeAgent(site, speedup, clock);
        try {
            agent.prepareCameras(stateDir);
            agent.out = StoreAndForward.builder(mqtt.withClientId(site.id()), site.id(), stateDir.resolve("buffer").resolve(site.id()), sequence)
                    .birth(Topics.status(site.id()), agent::birth)
                    .will(Topics.status(site.id()), STATUS.encode(SiteStatus.will(site.id(), site.id())))
                    .shutdown(Topics.status(site.id()), () -> STATUS.encode(SiteStatus.shutdown(site.id(), site.id(), clock.instant())))
                    .clock(clock)
                    .start();
        } catch (IOException | RuntimeException e) {
            agent.close();
            throw e;
        }
        agent.runOnAgent(agent::beginReplays);
        return agent;
    }

    private byte[] birth() {
        List<SiteStatus.Device> devices = new ArrayList<>(site.devices());
        devices.add(SiteAgent.SELF); // its buffer health readings
        return STATUS.encode(SiteStatus.birth(site.id(), site.id(), clock.instant(), site.name(), site.lat(), site.lon(), devices));
    }

    /**
     * Prepares the cameras now, so a missing video or a bad analytics configuration fails the
     * start rather than a thread. A replayed camera is analysed, privacy-filtered and published
     * as a real one is: its video loops in real time.
     */
    private void prepareCameras(Path stateDir) throws IOException {
        for (Camera c : site.cameras()) {
            Path video = c.video().localPath(stateDir.resolve("video"));
            CameraConfig analytics;
            try {
                analytics = c.analytics() == null ? CameraConfigReader.parse("{}", c.id())
                        : CameraConfigReader.parse(new String(c.analytics().open().readAllBytes(), StandardCharsets.UTF_8),
                                c.analytics().name());
            } catch (InvalidConfigException e) {
                throw new IOException(site.id() + ": camera " + c.id() + ": " + e.getMessage(), e);
            }
            AgentConfig.CameraSettings settings = new AgentConfig.CameraSettings(c.id(), c.type(),
                    VideoSourceConfig.parse(video.toString()).withLoop(true), null, c.isPublic(),
                    new AgentConfig.Frames(Duration.ofNanos(Math.round(1e9 / c.framesPerSecond())),
                            AgentConfig.Frames.DEFAULT.maxWidth(), AgentConfig.Frames.DEFAULT.maxHeight(), AgentConfig.Frames.DEFAULT.quality()));
            cameraStarts.add(() -> {
                try {
                    cameras.add(CameraPipeline.start(site.id(), settings, analytics, out));
                } catch (IOException | RuntimeException e) {
                    log.error("{}: camera {} cannot start: {}", site.id(), c.id(), e.toString());
                }
            });
        }
    }

    private void beginReplays() {
        Instant now = clock.instant();
        for (Sensor s : site.sensors()) {
            for (MetricSeries m : s.series()) {
                SeriesReplay replay = new SeriesReplay(m.file(), m.file().indexAt(s.start()), speedup, now);
                feeds.add(new Feed(s, m, replay, Topics.sensorObservations(site.id(), s.id())));
            }
        }
        if (!closed.get()) {
            cameraStarts.forEach(Runnable::run);
        }
        if (!feeds.isEmpty()) {
            replayDue();
        }
    }

    public Site site() {
        return site;
    }

    public boolean isConnected() {
        return out.isConnected();
    }

    /** What the publisher delivered, buffered and dropped. */
    public ForwardCounters counters() {
        return out.counters();
    }

    /** Readings the broker acknowledged. */
    public long publishedReadings() {
        return out.counters().delivered(Priority.READING);
    }

    /** Readings waiting in the disk buffer (with the agent's own health reports). */
    public long bufferedMessages() {
        return out.counters().buffered();
    }

    /** Birth messages published: one per (re)connect. */
    public long births() {
        return out.counters().births();
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
            if (!closed.get()) {
                log.error("{}: replay step failed: {}", site.id(), e.toString(), e);
            }
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
        // "As if live": the reading carries the time it was taken here, not the recorded time;
        // a buffered one keeps that time when it is delivered later.
        Measurement m = new Measurement(f.series().metric(), f.series().unit(), f.series().valueOf(row), now);
        out.send(Priority.READING, f.topic(),
                seq -> SENML.encode(new SensorMessage(site.id(), seq, site.id(), f.sensor().id(), List.of(m))));
    }

    private void runOnAgent(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /**
     * Stops the replays; the publisher delivers what it can for a few seconds, publishes a
     * retained shutdown status and disconnects cleanly (no will). The rest stays buffered.
     */
    @Override
    public void close() {
        if (stop() && out != null) {
            out.close();
            log.info("{}: stopped", site.id());
        }
    }

    /**
     * Dies as a crash would: no shutdown status, no clean disconnect (the broker publishes the
     * will), sequence numbers not given back; what was buffered stays on disk.
     */
    public void abort() {
        if (stop() && out != null) {
            out.abort();
        }
    }

    private boolean stop() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("{}: replay threads did not stop within 5 s", site.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cameras.forEach(CameraPipeline::close);
        return true;
    }
}
