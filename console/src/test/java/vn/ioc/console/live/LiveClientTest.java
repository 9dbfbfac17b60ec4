package vn.ioc.console.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class LiveClientTest {

    private final LiveSenders senders = new LiveSenders(2, Duration.ofMillis(200));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LiveMeters meters = new LiveMeters(registry);

    @AfterEach
    void stopSenders() {
        senders.close();
    }

    @Test
    void deliversEveryMessageInOrder() throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>();
        WebSocketSession session = session("fast");
        doAnswer(inv -> sent.add(((WebSocketMessage<?>) inv.getArgument(0)).getPayload().toString()))
                .when(session).sendMessage(any());
        LiveClient client = new LiveClient(session, 100, senders, meters, () -> { });

        for (int i = 0; i < 50; i++) {
            client.offer(new TextMessage("m" + i));
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 50);
        assertThat(sent).startsWith("m0", "m1", "m2").endsWith("m49");
        // counted just after each write returns
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.get("ioc.console.live.sent").counter().count() == 50);
    }

    @Test
    void aBrowserThatCannotKeepUpIsDroppedWithoutBlockingTheCaller() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        WebSocketSession session = session("slow");
        doAnswer(inv -> {
            stuck.await(30, TimeUnit.SECONDS); // a browser that stopped reading
            return null;
        }).when(session).sendMessage(any());
        AtomicBoolean dropped = new AtomicBoolean();
        LiveClient client = new LiveClient(session, 5, senders, meters, () -> dropped.set(true));

        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            client.offer(new TextMessage("m" + i));
        }
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(tookMs).isLessThan(1_000);
        assertThat(dropped).isTrue();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> verify(session).close(CloseStatus.SESSION_NOT_RELIABLE));
        stuck.countDown();
        assertThat(registry.get("ioc.console.live.dropped").tag("reason", "slow").counter().count()).isEqualTo(1);
        assertThat(registry.get("ioc.console.live.dropped").tag("reason", "failed").counter().count()).isZero();
    }

    @Test
    void aFailingSocketIsDropped() throws Exception {
        WebSocketSession session = session("broken");
        doAnswer(inv -> {
            throw new IOException("broken pipe");
        }).when(session).sendMessage(any());
        AtomicBoolean dropped = new AtomicBoolean();
        LiveClient client = new LiveClient(session, 5, senders, meters, () -> dropped.set(true));

        client.offer(new TextMessage("m"));

        await().atMost(Duration.ofSeconds(5)).untilTrue(dropped);
        assertThat(registry.get("ioc.console.live.dropped").tag("reason", "failed").counter().count()).isEqualTo(1);
    }

    private static WebSocketSession session(String id) {
        WebSocketSession session = mock(WebSocketSession.class);
        when(session.getId()).thenReturn(id);
        return session;
    }
}
