package vn.ioc.edge.forward;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ioc.ingest.mqtt.MqttConnection;

/**
 * The one thread that takes messages from the head of the buffer and publishes them at
 * QoS 1, at most {@code maxInFlight} unacknowledged at a time, and marks them delivered in
 * buffer order as the broker acknowledges them.
 *
 * <p>A lost connection fails the messages in flight; they stay in the window and are sent
 * again, in order, after the next connect, right behind the birth message. The broker may
 * then get a message twice (it had it, the acknowledgement was lost): the store keeps one
 * per (agent, seq). A message the broker refuses with a reason code is retried and, after
 * {@value #MAX_REFUSALS} refusals, given up and logged, so that one bad message cannot stop
 * the agent; later messages may overtake a refused one that is retried.
 */
final class BufferSender {

    private static final Logger log = LoggerFactory.getLogger(BufferSender.class);
    static final int MAX_REFUSALS = 3;
    private static final long RETRY_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long IDLE_WAIT_MS = 100;

    /** A message published and not yet acknowledged. */
    private static final class InFlight {
        final BufferedMessage message;
        CompletableFuture<Void> future;
        int generation;
        int refusals;
        long retryAt;

        InFlight(BufferedMessage message, CompletableFuture<Void> future, int generation) {
            this.message = message;
            this.future = future;
            this.generation = generation;
        }
    }

    private final String agent;
    private final MessageBuffer buffer;
    private final int maxInFlight;
    private final Runnable announce;
    private final ArrayDeque<InFlight> window = new ArrayDeque<>();
    private final AtomicInteger generation = new AtomicInteger();
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLongArray delivered = new AtomicLongArray(Priority.values().length);
    private final AtomicLong rejected = new AtomicLong();
    private final Thread thread;
    private volatile MqttConnection connection;
    private volatile boolean stopping;

    /** @param announce publishes the birth message; runs on this thread after every connect, before any data */
    BufferSender(String agent, MessageBuffer buffer, int maxInFlight, Runnable announce) {
        this.agent = agent;
        this.buffer = buffer;
        this.maxInFlight = maxInFlight;
        this.announce = announce;
        this.thread = new Thread(this::run, "edge-" + agent + "-send");
        thread.setDaemon(true);
    }

    void start(MqttConnection c) {
        this.connection = c;
        thread.start();
    }

    /** Called after every (re)connect, on Paho's thread. */
    void connected() {
        generation.incrementAndGet();
        wake();
    }

    /** Something changed: a message appended, acknowledged or failed. */
    void wake() {
        wake.release();
    }

    long delivered(Priority p) {
        return delivered.get(p.ordinal());
    }

    long rejected() {
        return rejected.get();
    }

    /** Waits until the broker has acknowledged everything buffered, up to {@code patience}. */
    boolean awaitDrained(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (buffer.depth() > 0) {
            if (System.nanoTime() > deadline || !connection.isConnected()) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    void stop() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        int seen = 0;
        boolean wasConnected = false;
        while (!stopping) {
            try {
                boolean connected = connection.isConnected();
                int current = generation.get();
                if (connected && current != seen) {
                    seen = current;
                    announce.run();
                    resend(seen);
                    if (buffer.depth() > 0) {
                        log.info("{}: connected; delivering {} buffered messages, oldest first", agent, buffer.depth());
                    }
                } else if (wasConnected && !connected) {
                    log.warn("{}: broker out of reach; buffering on disk ({} messages waiting)", agent, buffer.depth());
                }
                wasConnected = connected;
                retire();
                if (connected && current == seen) {
                    fill(seen);
                }
                if (wake.tryAcquire(IDLE_WAIT_MS, TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (stopping) {
                    return;
                }
                log.error("{}: sending from the disk buffer failed: {}", agent, e.toString(), e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void resend(int gen) {
        for (InFlight w : window) {
            if (!(w.future.isDone() && failure(w.future) == null)) {
                w.future = publish(w.message);
                w.generation = gen;
                w.retryAt = 0;
            }
        }
    }

    /** Marks the acknowledged head of the window delivered, in order; deals with a failed head. */
    private void retire() throws IOException {
        while (!window.isEmpty()) {
            InFlight head = window.peekFirst();
            if (!head.future.isDone()) {
                return;
            }
            Throwable failure = failure(head.future);
            if (failure == null) {
                window.pollFirst();
                buffer.delivered(head.message);
                delivered.incrementAndGet(head.message.priority().ordinal());
                continue;
            }
            if (!connection.isConnected() || head.generation != generation.get()) {
                return; // the connection is gone: sent again after the next connect
            }
            if (isRefusal(failure) && head.retryAt == 0 && ++head.refusals >= MAX_REFUSALS) {
                log.error("{}: the broker refused message seq {} on {} {} times ({}); giving it up",
                        agent, head.message.seq(), head.message.topic(), head.refusals, failure.toString());
                window.pollFirst();
                buffer.delivered(head.message);
                rejected.incrementAndGet();
                continue;
            }
            long now = System.nanoTime();
            if (head.retryAt == 0) {
                head.retryAt = now + RETRY_NANOS;
            } else if (now >= head.retryAt) {
                head.retryAt = 0;
                head.future = publish(head.message);
            }
            return;
        }
    }

    private void fill(int gen) throws IOException {
        while (window.size() < maxInFlight && !stopping) {
            BufferedMessage m = buffer.next();
            if (m == null) {
                return;
            }
            window.addLast(new InFlight(m, publish(m), gen));
        }
    }

    private CompletableFuture<Void> publish(BufferedMessage m) {
        CompletableFuture<Void> f = connection.publish(m.topic(), m.payload(), 1, false);
        f.whenComplete((ok, e) -> wake());
        return f;
    }

    private static Throwable failure(CompletableFuture<Void> f) {
        try {
            f.getNow(null);
            return null;
        } catch (CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (CancellationException e) {
            return e;
        }
    }

    /** A reason code from the broker (0x80 and above), as opposed to a client-side failure such as a lost connection. */
    private static boolean isRefusal(Throwable e) {
        return e instanceof MqttException me && me.getReasonCode() >= 0x80 && me.getReasonCode() <= 0xFF;
    }
}
