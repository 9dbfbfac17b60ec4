package vn.ioc.console;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client of {@code /ws/live} that keeps what it receives, parsed. */
public final class LiveSocketClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final List<JsonNode> all = new CopyOnWriteArrayList<>();
    private final WebSocketSession session;

    private LiveSocketClient(URI uri, WebSocketHttpHeaders headers) throws Exception {
        this.session = new StandardWebSocketClient().execute(new TextWebSocketHandler() {
            @Override
            protected void handleTextMessage(WebSocketSession s, TextMessage message) {
                JsonNode node = JSON.readTree(message.getPayload());
                all.add(node);
                received.add(node);
            }
        }, headers, uri).get(10, TimeUnit.SECONDS);
    }

    /** Connects with an Authorization header (HTTP Basic), or none. */
    public static LiveSocketClient connect(int port, String authorization) throws Exception {
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        if (authorization != null) {
            headers.add("Authorization", authorization);
        }
        return new LiveSocketClient(uri(port), headers);
    }

    /** Connects with the session cookie of a form login, as a browser does. */
    public static LiveSocketClient connectWithCookie(int port, String cookie) throws Exception {
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.add("Cookie", cookie);
        return new LiveSocketClient(uri(port), headers);
    }

    private static URI uri(int port) {
        return URI.create("ws://127.0.0.1:" + port + "/ws/live");
    }

    /** The first message (from now on) that matches, or null when none came within the time. */
    public JsonNode await(Predicate<JsonNode> matching, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode next = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null || matching.test(next)) {
                return next;
            }
        }
    }

    /** Everything received since connecting. */
    public List<JsonNode> all() {
        return List.copyOf(all);
    }

    public static Predicate<JsonNode> incident(String id) {
        return m -> "incident".equals(m.path("kind").asString()) && id.equals(m.path("data").path("id").asString());
    }

    public static Predicate<JsonNode> site(String site) {
        return m -> "site".equals(m.path("kind").asString()) && site.equals(m.path("data").path("site").asString());
    }

    @Override
    public void close() throws Exception {
        session.close(CloseStatus.NORMAL);
    }
}
