package vn.ioc.console.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class LiveClientsTest {

    private final LiveSenders senders = new LiveSenders(2, Duration.ofMillis(100));
    private final LiveClients clients = new LiveClients(JsonMapper.builder().build(), new LiveProperties(1_000), senders, new LiveMeters(new SimpleMeterRegistry()));
    private static final Pattern UPDATE = Pattern.compile("\"site\":\"u(\\d+)\"");

    private final CountDownLatch stalled = new CountDownLatch(1);

    @AfterEach
    void stop() {
        stalled.countDown();
        clients.destroy();
    }

    @Test
    void everyBrowserGetsTheFrameSerialisedOnceForTheUpdate() {
        List<List<WebSocketMessage<?>>> received = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            received.add(browser("b" + i));
        }

        for (int u = 0; u < 10; u++) {
            clients.broadcast("site", new LiveMessage.SiteUpdate("site-" + u, true, null));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().allMatch(r -> r.size() == 10));
        for (int u = 0; u < 10; u++) {
            WebSocketMessage<?> first = received.get(0).get(u);
            assertThat(first.getPayload().toString()).contains("\"site\":\"site-" + u + "\"");
            for (List<WebSocketMessage<?>> r : received) {
                assertThat(r.get(u)).as("the same frame object for every browser").isSameAs(first);
            }
        }
    }

    @Test
    void aFewSendersServeManyBrowsers() {
        List<List<WebSocketMessage<?>>> received = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            received.add(browser("b" + i));
        }

        for (int u = 0; u < 50; u++) {
            clients.broadcast("site", new LiveMessage.SiteUpdate("site-" + u, true, null));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> received.stream().allMatch(r -> r.size() == 50));
        assertThat(senders.threads()).isEqualTo(2);
    }

    /** More stalled browsers than senders: each stuck sender is replaced, and the others get every update promptly. */
    @Test
    void browsersThatStopReadingDoNotDelayTheOthers() throws Exception {
        int updates = 40;
        long[] sentAt = new long[updates];
        Map<String, AtomicLong> worstDelay = new ConcurrentHashMap<>();
        Map<String, List<String>> received = new ConcurrentHashMap<>();
        for (int i = 0; i < 20; i++) {
            String id = "fast-" + i;
            WebSocketSession session = session(id);
            worstDelay.put(id, new AtomicLong());
            received.put(id, new CopyOnWriteArrayList<>());
            doAnswer(inv -> {
                String payload = ((WebSocketMessage<?>) inv.getArgument(0)).getPayload().toString();
                Matcher m = UPDATE.matcher(payload);
                if (m.find()) {
                    worstDelay.get(id).accumulateAndGet(System.nanoTime() - sentAt[Integer.parseInt(m.group(1))], Math::max);
                }
                received.get(id).add(payload);
                return null;
            }).when(session).sendMessage(any());
            clients.add(session);
        }
        // warm-up, so that the figures below are about the stalled browsers, not the first calls' class loading
        for (int u = 0; u < 10; u++) {
            clients.broadcast("site", new LiveMessage.SiteUpdate("warm-up", true, null));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> received.values().stream().allMatch(r -> r.size() == 10));
        for (int i = 0; i < 3; i++) {
            WebSocketSession session = session("stalled-" + i);
            doAnswer(inv -> {
                stalled.await(60, TimeUnit.SECONDS); // a full socket buffer: the write waits
                return null;
            }).when(session).sendMessage(any());
            clients.add(session);
        }

        for (int u = 0; u < updates; u++) {
            sentAt[u] = System.nanoTime();
            clients.broadcast("site", new LiveMessage.SiteUpdate("u" + u, true, null));
            Thread.sleep(10);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> received.values().stream().allMatch(r -> r.size() == 10 + updates));
        // all arrived while the stalled browsers still hold their sends; stuck senders are noticed
        // within 100-150 ms, and the bound leaves room for a busy machine
        assertThat(stalled.getCount()).isEqualTo(1);
        assertThat(worstDelay.values()).allSatisfy(d -> assertThat(d.get()).isLessThan(TimeUnit.SECONDS.toNanos(2)));
        assertThat(senders.threads()).as("two senders plus one set aside per stalled browser").isLessThanOrEqualTo(5);
    }

    private List<WebSocketMessage<?>> browser(String id) {
        List<WebSocketMessage<?>> received = new CopyOnWriteArrayList<>();
        WebSocketSession session = session(id);
        try {
            doAnswer(inv -> received.add(inv.getArgument(0))).when(session).sendMessage(any());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        clients.add(session);
        return received;
    }

    private static WebSocketSession session(String id) {
        WebSocketSession session = mock(WebSocketSession.class);
        when(session.getId()).thenReturn(id);
        return session;
    }
}
