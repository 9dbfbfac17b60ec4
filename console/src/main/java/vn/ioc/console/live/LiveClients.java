package vn.ioc.console.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/** The browsers connected to {@code /ws/live}, and the broadcast to all of them. */
@Component
class LiveClients implements DisposableBean {

    private final Map<String, LiveClient> clients = new ConcurrentHashMap<>();
    private final ExecutorService senders;
    private final JsonMapper json;
    private final LiveProperties properties;

    LiveClients(JsonMapper json, LiveProperties properties) {
        this.json = json;
        this.properties = properties;
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ioc-live-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void add(WebSocketSession session) {
        String id = session.getId();
        clients.put(id, new LiveClient(session, properties.clientQueue(), senders, () -> clients.remove(id)));
    }

    void remove(WebSocketSession session) {
        clients.remove(session.getId());
    }

    /** Serialises once and queues the frame for every browser; returns at once. */
    void broadcast(String kind, Object data) {
        if (clients.isEmpty()) {
            return;
        }
        TextMessage message = new TextMessage(json.writeValueAsString(new LiveMessage(kind, data)));
        clients.values().forEach(c -> c.offer(message));
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}
