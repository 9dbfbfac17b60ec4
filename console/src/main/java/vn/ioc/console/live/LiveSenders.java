package vn.ioc.console.live;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that write queued updates to browsers' sockets: a few, whatever the number of
 * browsers. A browser with something to send waits in one ready queue, so an update for 500
 * browsers wakes a few threads, not 500 (a wake-up per browser and update starved the thread
 * that receives MQTT and let the broker's queue overflow).
 *
 * <p>Sends block while a browser's socket buffer is full. A sender stuck in one send longer than
 * {@code stuckAfter} is set aside (it finishes that browser and then ends) and a fresh sender takes
 * its place, so a stalled browser costs one thread of its own, never the others' updates.
 */
final class LiveSenders implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveSenders.class);

    private final BlockingQueue<LiveClient> ready = new LinkedBlockingQueue<>();
    private final Set<Sender> senders = ConcurrentHashMap.newKeySet();
    private final long stuckNanos;
    private final ThreadFactory threads;
    private final ScheduledExecutorService watch;
    /** Closing a socket may wait on a send in progress: on a thread of its own, rarely needed. */
    private final ExecutorService closers;
    private volatile boolean closed;

    LiveSenders(int size, Duration stuckAfter) {
        this.stuckNanos = stuckAfter.toNanos();
        this.threads = daemons("ioc-live-send-");
        this.watch = Executors.newSingleThreadScheduledExecutor(daemons("ioc-live-watch-"));
        this.closers = Executors.newCachedThreadPool(daemons("ioc-live-close-"));
        for (int i = 0; i < size; i++) {
            start();
        }
        long every = Math.max(1, stuckAfter.toMillis() / 2);
        watch.scheduleWithFixedDelay(this::replaceStuck, every, every, TimeUnit.MILLISECONDS);
    }

    /** Queues a browser whose updates are waiting; it must not be queued twice at once. */
    void schedule(LiveClient client) {
        ready.add(client);
    }

    /** Runs a socket's closing away from the senders. */
    void close(Runnable closing) {
        try {
            closers.execute(closing);
        } catch (RejectedExecutionException e) {
            // the console is stopping: its sockets close with it
        }
    }

    /** Senders now running, set-aside ones included. */
    int threads() {
        return senders.size();
    }

    private void start() {
        Sender s = new Sender();
        senders.add(s);
        s.thread = threads.newThread(s);
        s.thread.start();
    }

    private void replaceStuck() {
        long now = System.nanoTime();
        for (Sender s : senders) {
            if (!s.setAside && s.sending && now - s.since > stuckNanos) {
                s.setAside = true;
                log.debug("A live sender waits on a slow browser; starting another");
                start();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        watch.shutdownNow();
        closers.shutdownNow();
        for (Sender s : senders) {
            s.stop();
        }
    }

    /** One sender thread; {@link LiveClient#drain} tells it when a send starts and ends. */
    final class Sender implements Runnable {

        private volatile Thread thread;
        private volatile boolean sending;
        private volatile long since;
        private volatile boolean setAside;

        void sending() {
            since = System.nanoTime();
            sending = true;
        }

        void sent() {
            sending = false;
        }

        @Override
        public void run() {
            try {
                while (!closed && !setAside) {
                    LiveClient next = ready.poll(1, TimeUnit.SECONDS);
                    if (next != null) {
                        next.drain(this);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                senders.remove(this);
            }
        }

        private void stop() {
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
