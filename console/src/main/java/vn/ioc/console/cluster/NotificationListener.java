package vn.ioc.console.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on one PostgreSQL channel over a connection of its own, on a thread of its own. When
 * the connection is lost (the database restarted, the backend was terminated), it logs one line,
 * keeps reconnecting, and once listening again calls {@link Handler#resumed()}: notifications
 * sent in between are lost, so whoever relies on them must read the current state again. An
 * idle connection is checked with a query now and then, since waiting for notifications alone
 * does not notice a connection that died silently.
 */
public final class NotificationListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    /** Opens a new connection to the database. */
    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    /** Called on the listener's thread; a handler that throws is logged and listening goes on. */
    public interface Handler {
        void notified(String payload);

        /** Listening again after the connection was lost: what was sent meanwhile is not coming. */
        void resumed();
    }

    private final ConnectionFactory factory;
    private final String channel;
    private final Handler handler;
    private final Duration retry;
    private final Duration checkEvery;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;
    private volatile Connection current;

    /**
     * @param channel    a plain identifier (it is not quoted)
     * @param retry      the wait between attempts to reconnect
     * @param checkEvery how long the connection may stay quiet before a query checks it
     */
    public NotificationListener(ConnectionFactory factory, String channel, Handler handler, Duration retry, Duration checkEvery) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("expected a channel of lower-case letters, digits and '_' but was '" + channel + "'");
        }
        this.factory = factory;
        this.channel = channel;
        this.handler = handler;
        this.retry = retry;
        this.checkEvery = checkEvery;
        this.thread = new Thread(this::run, "ioc-listen-" + channel);
        this.thread.setDaemon(true);
    }

    public NotificationListener start() {
        thread.start();
        return this;
    }

    /** Whether LISTEN is in place on a connection that was alive at its last use. */
    public boolean isListening() {
        return listening;
    }

    private void run() {
        boolean lost = false;
        while (running) {
            try (Connection c = factory.open()) {
                current = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + channel);
                }
                listening = true;
                if (lost) {
                    log.info("Listening on database channel '{}' again; notifications sent while it was lost are not coming", channel);
                    lost = false;
                    resumed();
                }
                listen(c);
            } catch (SQLException e) {
                listening = false;
                if (running && !lost) {
                    log.warn("Lost the database connection listening on channel '{}' ({}); reconnecting every {} s",
                            channel, e.getMessage(), retry.toSeconds());
                }
                lost = true;
                pause();
            } finally {
                current = null;
                listening = false;
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        int waitMillis = (int) Math.min(Integer.MAX_VALUE, checkEvery.toMillis());
        while (running) {
            PGNotification[] received = pg.getNotifications(waitMillis);
            if (received == null || received.length == 0) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
                continue;
            }
            for (PGNotification n : received) {
                try {
                    handler.notified(n.getParameter());
                } catch (RuntimeException e) {
                    log.warn("Could not handle the notification '{}' on channel '{}': {}", n.getParameter(), channel, e.toString());
                }
            }
        }
    }

    private void resumed() {
        try {
            handler.resumed();
        } catch (RuntimeException e) {
            log.warn("Could not resynchronise after listening on channel '{}' again: {}", channel, e.toString());
        }
    }

    private void pause() {
        try {
            Thread.sleep(retry.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        Connection c = current;
        if (c != null) {
            try {
                c.close(); // ends a wait for notifications at once
            } catch (SQLException e) {
                // closing anyway
            }
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
