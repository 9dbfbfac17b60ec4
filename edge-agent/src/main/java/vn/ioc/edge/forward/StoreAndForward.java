package vn.ioc.edge.forward;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ioc.edge.SequenceNumbers;
import vn.ioc.ingest.contract.SenmlCodec;
import vn.ioc.ingest.mqtt.MqttConnection;
import vn.ioc.ingest.mqtt.MqttSettings;

/**
 * An edge agent's only way to the broker. Every message gets the agent's next sequence
 * number and goes to a disk buffer first ({@link MessageBuffer}); one sender thread
 * publishes from the buffer in order at QoS 1 ({@link BufferSender}). So nothing is lost
 * while the broker is away, or when the agent is restarted meanwhile, and after an outage
 * the backlog arrives in order before anything newer.
 *
 * <pre>{@code
 * StoreAndForward out = StoreAndForward.builder(mqtt.withClientId(site), site, stateDir.resolve("buffer"), sequence)
 *         .birth(Topics.status(site), () -> STATUS.encode(birth()))
 *         .will(Topics.status(site), STATUS.encode(SiteStatus.will(site, site)))
 *         .shutdown(Topics.status(site), () -> STATUS.encode(SiteStatus.shutdown(site, site, clock.instant())))
 *         .start();
 * out.send(Priority.READING, Topics.sensorObservations(site, sensor),
 *         seq -> SENML.encode(new SensorMessage(site, seq, site, sensor, measurements)));
 * out.publishLatest(Topics.cameraFrame(site, camera), jpeg, List.of(new UserProperty("timestamp", t)));
 * }</pre>
 *
 * <p>The birth goes out after every (re)connect, before any buffered message; the will is
 * set on the connection; {@link #close()} delivers what it can for a few seconds, then
 * publishes the shutdown status and disconnects. Every {@code healthInterval} the agent
 * reports its buffer as SenML on {@code ioc/v1/{site}/sensor/agent/obs} ({@link BufferHealth}).
 */
public final class StoreAndForward implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreAndForward.class);
    private static final SenmlCodec SENML = new SenmlCodec();
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(3);

    private final String agent;
    private final String site;
    private final MqttSettings mqtt;
    private final MessageBuffer buffer;
    private final SequenceNumbers sequence;
    private final Builder.Status birth;
    private final Builder.Status shutdown;
    private final Clock clock;
    private final BufferSender sender;
    private final MqttConnection connection;
    private final ScheduledExecutorService scheduler;
    private final Thread connector;
    private final Object sendLock = new Object();
    private final AtomicLong births = new AtomicLong();
    private final boolean healthReports;
    private volatile boolean bufferFailing;
    private volatile boolean closed;

    private StoreAndForward(Builder b, MessageBuffer buffer) throws MqttException {
        this.agent = b.agent;
        this.site = b.site;
        this.mqtt = b.mqtt;
        this.buffer = buffer;
        this.sequence = b.sequence;
        this.birth = b.birth;
        this.shutdown = b.shutdown;
        this.clock = b.clock;
        this.healthReports = !b.healthInterval.isZero();
        this.sender = new BufferSender(agent, buffer, b.maxInFlight, this::announce);
        MqttConnection.Builder c = MqttConnection.builder(mqtt).onConnect(x -> sender.connected());
        if (b.will != null) {
            c.will(b.will.topic(), b.will.payload().get(), 1, true);
        }
        this.connection = c.build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "edge-" + agent + "-sync"));
        this.connector = daemon(this::connectUntilDone, "edge-" + agent + "-connect");
    }

    public static Builder builder(MqttSettings mqtt, String site, Path bufferDir, SequenceNumbers sequence) {
        return new Builder(mqtt, site, bufferDir, sequence);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void begin(Builder b) {
        scheduler.scheduleWithFixedDelay(this::sync, b.syncInterval.toNanos(), b.syncInterval.toNanos(), TimeUnit.NANOSECONDS);
        if (healthReports) {
            scheduler.scheduleAtFixedRate(this::reportHealth, b.healthInterval.toNanos(), b.healthInterval.toNanos(), TimeUnit.NANOSECONDS);
        }
        sender.start(connection);
        connector.start();
    }

    /**
     * Numbers a message, builds it and appends it to the disk buffer; returns its sequence
     * number. Returns once the message is in the operating system's hands (a crash of the
     * agent does not lose it); an {@link Priority#EVENT} is also forced to disk first.
     * Never waits for the broker.
     *
     * @param payloadForSeq builds the payload, which carries the sequence number it is given;
     *                      called under a lock that keeps buffer order = number order, so keep it quick
     * @throws UncheckedIOException when the buffer cannot be written (disk full or broken)
     * @throws IllegalStateException after {@link #close()}
     */
    public long send(Priority priority, String topic, LongFunction<byte[]> payloadForSeq) {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(topic, "topic");
        long seq;
        synchronized (sendLock) {
            if (closed) {
                throw new IllegalStateException(agent + ": the publisher is closed");
            }
            seq = sequence.next();
            try {
                buffer.append(new BufferedMessage(seq, priority, topic, payloadForSeq.apply(seq)));
                bufferFailing = false;
            } catch (IOException e) {
                bufferFailing = true;
                throw new UncheckedIOException(agent + ": cannot append to the disk buffer", e);
            }
        }
        if (priority == Priority.EVENT) {
            try {
                buffer.force(); // events are rare and each may be an incident: worth an fsync
            } catch (IOException e) {
                throw new UncheckedIOException(agent + ": cannot force the disk buffer", e);
            }
        }
        sender.wake();
        return seq;
    }

    /**
     * Publishes a "latest state" message, such as a camera frame, at QoS 0 and retained, only
     * while connected: it is never buffered, since a newer one replaces it anyway and old
     * pictures would only delay the backlog. Returns whether it was handed to the connection.
     */
    public boolean publishLatest(String topic, byte[] payload, List<UserProperty> properties) {
        if (closed || !connection.isConnected()) {
            return false;
        }
        connection.publish(topic, payload, 0, true, properties);
        return true;
    }

    public boolean isConnected() {
        return connection.isConnected();
    }

    public String agent() {
        return agent;
    }

    /** Whether messages are taken: not closed, and the last append to the disk buffer worked. */
    public boolean isAccepting() {
        return !closed && !bufferFailing;
    }

    /** How long the oldest message not yet acknowledged by the broker has waited: the agent's lag; zero when none. */
    public Duration oldestBufferedAge() {
        return buffer.oldestAge();
    }

    public ForwardCounters counters() {
        long[] delivered = new long[Priority.values().length];
        long[] dropped = new long[Priority.values().length];
        for (Priority p : Priority.values()) {
            delivered[p.ordinal()] = sender.delivered(p);
            dropped[p.ordinal()] = buffer.dropped(p);
        }
        return new ForwardCounters(delivered, dropped, buffer.depth(), buffer.bytes(), sender.rejected(), births.get());
    }

    /** On the sender's thread, after every connect: the birth goes before any buffered message. */
    private void announce() {
        if (birth != null) {
            connection.publish(birth.topic(), birth.payload().get(), 1, true).whenComplete((ok, e) -> {
                if (e == null) {
                    births.incrementAndGet();
                } else {
                    log.warn("{}: birth message not delivered: {}", agent, e.toString());
                }
            });
        }
        if (healthReports && (births.get() > 0 || buffer.depth() > 0)) {
            // Back after an outage: tell operators now what it cost, behind the backlog.
            runOnScheduler(this::reportHealth);
        }
    }

    private void reportHealth() {
        try {
            send(Priority.STATISTICS, BufferHealth.topic(site),
                    seq -> SENML.encode(BufferHealth.report(agent, site, seq, counters(), clock.instant())));
        } catch (RuntimeException e) {
            if (!closed) {
                log.warn("{}: buffer health report not buffered: {}", agent, e.toString());
            }
        }
    }

    private void sync() {
        try {
            buffer.sync();
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                log.error("{}: cannot sync the disk buffer: {}", agent, e.toString());
            }
        }
    }

    private void runOnScheduler(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** Tries until the first connection; Paho reconnects by itself afterwards. Logs once, not once per attempt. */
    private void connectUntilDone() {
        Duration delay = Duration.ofSeconds(1);
        boolean warned = false;
        while (!closed) {
            try {
                connection.connect(Duration.ZERO);
                return;
            } catch (MqttException e) {
                if (!warned && !closed) {
                    warned = true;
                    log.warn("{}: cannot reach the MQTT broker {} ({}); buffering on disk and retrying in the background",
                            agent, mqtt.url(), e.getMessage());
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            delay = delay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay.multipliedBy(2);
        }
    }

    /**
     * Stops taking messages, gives the broker a few seconds to acknowledge the backlog, then
     * publishes the shutdown status and disconnects cleanly (no will). What is still buffered
     * stays on disk for the next start.
     */
    @Override
    public void close() {
        if (!markClosed()) {
            return;
        }
        scheduler.shutdownNow();
        connector.interrupt();
        try {
            if (connection.isConnected() && !sender.awaitDrained(CLOSE_PATIENCE)) {
                log.info("{}: {} messages stay buffered for the next start", agent, buffer.depth());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.stop();
        if (shutdown != null && connection.isConnected()) {
            try {
                connection.publish(shutdown.topic(), shutdown.payload().get(), 1, true).get(CLOSE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                log.warn("{}: shutdown status not delivered: {}", agent, e.toString());
            }
        }
        connection.close();
        try {
            buffer.close();
        } catch (IOException e) {
            log.error("{}: cannot sync the disk buffer on close: {}", agent, e.toString());
        }
        sequence.close();
        log.info("{}: publisher stopped; {}", agent, counters());
    }

    /**
     * Dies as a crash would: no shutdown status, no clean disconnect (the broker publishes the
     * will), nothing forced to disk, sequence numbers not given back.
     */
    public void abort() {
        if (!markClosed()) {
            return;
        }
        scheduler.shutdownNow();
        connector.interrupt();
        sender.stop();
        connection.abort();
        buffer.abandon();
    }

    private boolean markClosed() {
        synchronized (sendLock) {
            if (closed) {
                return false;
            }
            closed = true;
            return true;
        }
    }

    /** Configures and starts a {@link StoreAndForward}. */
    public static final class Builder {

        private record Status(String topic, Supplier<byte[]> payload) {
        }

        private final MqttSettings mqtt;
        private final String site;
        private final Path bufferDir;
        private final SequenceNumbers sequence;
        private String agent;
        private Status birth;
        private Status will;
        private Status shutdown;
        private long maxBytes = MessageBuffer.DEFAULT_MAX_BYTES;
        private int maxInFlight = 20;
        private Duration syncInterval = Duration.ofMillis(200);
        private Duration healthInterval = Duration.ofMinutes(1);
        private Clock clock = Clock.systemUTC();

        private Builder(MqttSettings mqtt, String site, Path bufferDir, SequenceNumbers sequence) {
            this.mqtt = Objects.requireNonNull(mqtt, "mqtt");
            this.site = Objects.requireNonNull(site, "site");
            this.bufferDir = Objects.requireNonNull(bufferDir, "bufferDir");
            this.sequence = Objects.requireNonNull(sequence, "sequence");
            this.agent = site;
        }

        /** The agent id carried in messages and health reports; the site id unless set. */
        public Builder agent(String id) {
            this.agent = Objects.requireNonNull(id);
            return this;
        }

        /** Published at QoS 1, retained, after every (re)connect and before buffered messages. */
        public Builder birth(String topic, Supplier<byte[]> payload) {
            this.birth = new Status(topic, payload);
            return this;
        }

        /** The will, QoS 1 and retained, that the broker publishes when the connection dies. */
        public Builder will(String topic, byte[] payload) {
            byte[] copy = payload.clone();
            this.will = new Status(topic, () -> copy);
            return this;
        }

        /** Published at QoS 1, retained, on a clean {@link #close()}. */
        public Builder shutdown(String topic, Supplier<byte[]> payload) {
            this.shutdown = new Status(topic, payload);
            return this;
        }

        /** The disk buffer's bound; default 256 MiB. */
        public Builder maxBytes(long bytes) {
            this.maxBytes = bytes;
            return this;
        }

        /**
         * QoS 1 messages published and not yet acknowledged, default 20 (Mosquitto's Receive
         * Maximum). The connection also never exceeds the broker's Receive Maximum.
         */
        public Builder maxInFlight(int n) {
            if (n < 1 || n > 65_535) {
                throw new IllegalArgumentException("expected 1 to 65535 messages in flight but was " + n);
            }
            this.maxInFlight = n;
            return this;
        }

        /** How often the buffer is forced to disk and the delivered position saved; default 200 ms. */
        public Builder syncInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("expected a positive sync interval but was " + interval);
            }
            this.syncInterval = interval;
            return this;
        }

        /**
         * How often the buffer's counters are published as SenML, and once after each reconnect
         * that ends an outage; zero for never. Default 1 minute.
         */
        public Builder healthInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("expected a non-negative health interval but was " + interval);
            }
            this.healthInterval = interval;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c);
            return this;
        }

        /**
         * Opens the buffer (what an earlier run left undelivered is sent first) and starts
         * connecting in the background; returns at once.
         */
        public StoreAndForward start() throws IOException {
            MessageBuffer buffer = MessageBuffer.open(bufferDir, agent, maxBytes);
            // Numbers on disk must never be handed out again, whatever the sequence file says.
            sequence.skipPast(buffer.lastSeq());
            StoreAndForward s;
            try {
                s = new StoreAndForward(this, buffer);
            } catch (MqttException e) {
                buffer.close();
                throw new IOException(agent + ": cannot create an MQTT client for " + mqtt.url() + ": " + e.getMessage(), e);
            }
            s.begin(this);
            return s;
        }
    }
}
