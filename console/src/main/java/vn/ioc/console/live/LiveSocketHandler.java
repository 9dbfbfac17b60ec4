package vn.ioc.console.live;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** {@code /ws/live}: browsers only listen; whatever they send is ignored. */
@Component
class LiveSocketHandler extends TextWebSocketHandler {

    private final LiveClients clients;

    LiveSocketHandler(LiveClients clients) {
        this.clients = clients;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        clients.add(session);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        clients.remove(session);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        clients.remove(session);
    }
}
