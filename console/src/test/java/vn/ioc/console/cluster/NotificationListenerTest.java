package vn.ioc.console.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.ioc.ingest.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The listener on a real PostgreSQL: committed notices arrive, rolled back ones never, and it survives losing its backend. */
@ExtendWith(OutputCaptureExtension.class)
class NotificationListenerTest {

    private static final TestDatabase DB = TestDatabase.freshSchema();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final String channel = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String application = "ioc-listener-test-" + channel;
    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    private final AtomicInteger resumed = new AtomicInteger();
    private NotificationListener listener;

    private void startListener() {
        listener = new NotificationListener(() -> {
            Connection c = DB.connect();
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('application_name', ?, false)")) {
                ps.setString(1, application);
                ps.execute();
            }
            return c;
        }, channel, new NotificationListener.Handler() {
            @Override
            public void notified(String payload) {
                heard.add(payload);
            }

            @Override
            public void resumed() {
                resumed.incrementAndGet();
            }
        }, Duration.ofMillis(200), Duration.ofSeconds(1)).start();
        await().atMost(WAIT).until(listener::isListening);
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
    }

    private void notifyIn(boolean commit, String payload) throws SQLException {
        try (Connection c = DB.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                ps.setString(1, channel);
                ps.setString(2, payload);
                ps.execute();
            }
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        }
    }

    @Test
    void committedNoticeArrivesAndARolledBackOneNever() throws Exception {
        startListener();

        notifyIn(false, "rolled back");
        notifyIn(true, "committed");

        assertThat(heard.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("committed");
        notifyIn(true, "after");
        assertThat(heard.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("nothing came between the two").isEqualTo("after");
        assertThat(resumed).hasValue(0);
    }

    @Test
    void afterItsBackendIsTerminatedItLogsReconnectsResumesAndHearsTheNextNotice(CapturedOutput output) throws Exception {
        startListener();

        try (Connection c = DB.connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '"
                     + application + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the listener's backend").isEqualTo(1);
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(resumed).hasValue(1));
        assertThat(listener.isListening()).isTrue();
        notifyIn(true, "after the outage");
        assertThat(heard.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("after the outage");
        assertThat(output.getOut()).contains("Lost the database connection listening on channel '" + channel + "'")
                .contains("Listening on database channel '" + channel + "' again");
    }

    @Test
    void aHandlerThatFailsDoesNotStopListening() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        listener = new NotificationListener(DB::connect, channel, new NotificationListener.Handler() {
            @Override
            public void notified(String payload) {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("first one fails");
                }
                heard.add(payload);
            }

            @Override
            public void resumed() {
            }
        }, Duration.ofMillis(200), Duration.ofSeconds(1)).start();
        await().atMost(WAIT).until(listener::isListening);

        notifyIn(true, "fails");
        notifyIn(true, "second");

        assertThat(heard.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("second");
    }
}
