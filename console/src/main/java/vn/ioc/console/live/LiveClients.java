package vn.ioc.console.live;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/** The browsers connected to {@code /ws/live}, and the broadcast to all of them. */
@Component
class LiveClients implements DisposableBean {

    /** Writing to sockets is mostly system calls: a sender per core keeps up with 500 browsers at 100 updates a second. */
    static final int SENDERS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** A send that takes this long is waiting on a browser that stopped reading. */
    static final Duration STUCK_AFTER = Duration.ofMillis(200);

    private final Map<String, LiveClient> clients = new ConcurrentHashMap<>();
    private final LiveSenders senders;
    private final JsonMapper json;
    private final LiveProperties properties;
    private final LiveMeters meters;

    @Autowired
    LiveClients(JsonMapper json, LiveProperties properties, LiveMeters meters) {
        this(json, properties, new LiveSenders(SENDERS, STUCK_AFTER), meters);
    }

    LiveClients(JsonMapper json, LiveProperties properties, LiveSenders senders, LiveMeters meters) {
        this.json = json;
        this.properties = properties;
        this.senders = senders;
        this.meters = meters;
        meters.clients(clients::size);
    }

    void add(WebSocketSession session) {
        String id = session.getId();
        clients.put(id, new LiveClient(session, properties.clientQueue(), senders, meters, () -> clients.remove(id)));
    }

    void remove(WebSocketSession session) {
        clients.remove(session.getId());
    }

    /** Serialises once and queues the same frame for every browser; returns at once. */
    void broadcast(String kind, Object data) {
        if (clients.isEmpty()) {
            return;
        }
        meters.broadcast(kind);
        TextMessage message = new TextMessage(json.writeValueAsString(new LiveMessage(kind, data)));
        clients.values().forEach(c -> c.offer(message));
    }

    @Override
    public void destroy() {
        senders.close();
    }
}
