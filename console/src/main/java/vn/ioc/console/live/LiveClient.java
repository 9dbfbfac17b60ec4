package vn.ioc.console.live;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One browser's outbound queue. Offering never blocks: at most one task at a time drains the
 * queue to the socket on the sender pool, so a slow browser holds up only its own task. A
 * browser whose queue overflows, or whose socket fails, is dropped.
 */
final class LiveClient {

    private static final Logger log = LoggerFactory.getLogger(LiveClient.class);

    private final WebSocketSession session;
    private final BlockingQueue<TextMessage> queue;
    private final Executor senders;
    private final Runnable onDrop;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean dropped = new AtomicBoolean();

    LiveClient(WebSocketSession session, int capacity, Executor senders, Runnable onDrop) {
        this.session = session;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.senders = senders;
        this.onDrop = onDrop;
    }

    void offer(TextMessage message) {
        if (dropped.get()) {
            return;
        }
        if (!queue.offer(message)) {
            drop("it fell " + queue.size() + " updates behind", CloseStatus.SESSION_NOT_RELIABLE);
            return;
        }
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            senders.execute(this::drain);
        }
    }

    private void drain() {
        try {
            TextMessage next;
            while (!dropped.get() && (next = queue.poll()) != null) {
                session.sendMessage(next);
            }
        } catch (IOException | RuntimeException e) {
            drop("sending failed: " + e.getMessage(), CloseStatus.SERVER_ERROR);
            return;
        } finally {
            draining.set(false);
        }
        // an offer may have come between the last poll and clearing the flag
        if (!queue.isEmpty()) {
            scheduleDrain();
        }
    }

    /** Forgets the browser; the socket is closed on the sender pool, since closing may wait on a send. */
    void drop(String reason, CloseStatus status) {
        if (!dropped.compareAndSet(false, true)) {
            return;
        }
        log.info("Dropping live client {}: {}", session.getId(), reason);
        queue.clear();
        onDrop.run();
        senders.execute(() -> {
            try {
                session.close(status);
            } catch (IOException | RuntimeException e) {
                log.debug("Closing live client {}: {}", session.getId(), e.toString());
            }
        });
    }
}
