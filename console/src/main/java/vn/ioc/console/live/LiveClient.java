package vn.ioc.console.live;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One browser's outbound queue. Offering never blocks: the browser waits for a sender once,
 * however many updates it has queued, and one sender at a time drains its queue to the socket.
 * A browser whose queue overflows, or whose socket fails, is dropped.
 */
final class LiveClient {

    private static final Logger log = LoggerFactory.getLogger(LiveClient.class);

    private final WebSocketSession session;
    private final BlockingQueue<TextMessage> queue;
    private final LiveSenders senders;
    private final LiveMeters meters;
    private final Runnable onDrop;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean dropped = new AtomicBoolean();

    LiveClient(WebSocketSession session, int capacity, LiveSenders senders, LiveMeters meters, Runnable onDrop) {
        this.meters = meters;
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
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            senders.schedule(this);
        }
    }

    /** On a sender: writes what is queued, telling the sender while a write may block. */
    void drain(LiveSenders.Sender sender) {
        try {
            TextMessage next;
            while (!dropped.get() && (next = queue.poll()) != null) {
                sender.sending();
                try {
                    session.sendMessage(next);
                    meters.sent();
                } finally {
                    sender.sent();
                }
            }
        } catch (IOException | RuntimeException e) {
            drop("sending failed: " + e.getMessage(), CloseStatus.SERVER_ERROR);
            return;
        } finally {
            scheduled.set(false);
        }
        // an offer may have come between the last poll and clearing the flag
        if (!queue.isEmpty()) {
            schedule();
        }
    }

    /** Forgets the browser; the socket is closed away from the senders, since closing may wait on a send. */
    void drop(String reason, CloseStatus status) {
        if (!dropped.compareAndSet(false, true)) {
            return;
        }
        log.info("Dropping live client {}: {}", session.getId(), reason);
        meters.dropped(status.equals(CloseStatus.SESSION_NOT_RELIABLE));
        queue.clear();
        onDrop.run();
        senders.close(() -> {
            try {
                session.close(status);
            } catch (IOException | RuntimeException e) {
                log.debug("Closing live client {}: {}", session.getId(), e.toString());
            }
        });
    }
}
