package vn.ioc.console.live;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** The handshake is an ordinary request: the security filter chain requires a login before it. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LiveSocketConfig implements WebSocketConfigurer {

    static final String PATH = "/ws/live";

    private final LiveSocketHandler handler;

    LiveSocketConfig(LiveSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // no allowed origins configured: only pages served by this console may connect
        registry.addHandler(handler, PATH);
    }
}
