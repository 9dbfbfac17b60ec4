package vn.ioc.edge.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent's own small HTTP server: {@code GET /metrics} in Prometheus' text format and
 * {@code GET /health}, 200 with {@code "status":"UP"} or 503 with {@code "status":"DOWN"}, and
 * what the status was made of. One thread: a scrape every few seconds is all it serves.
 */
public final class MetricsServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** What {@code /health} reports. */
    public record Health(boolean up, Map<String, Object> details) {
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Listens on {@code port} of every interface (0: a free port, see {@link #port()}). */
    public static MetricsServer start(int port, PrometheusMeterRegistry registry, Supplier<Health> health) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "edge-metrics-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", exchange -> answer(exchange, () -> new Answer(200, PROMETHEUS_TEXT, registry.scrape())));
        server.createContext("/health", exchange -> answer(exchange, () -> {
            Health h = health.get();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", h.up() ? "UP" : "DOWN");
            body.putAll(h.details());
            return new Answer(h.up() ? 200 : 503, "application/json", JSON.writeValueAsString(body));
        }));
        server.start();
        log.info("Metrics on http://0.0.0.0:{}/metrics, health on /health", server.getAddress().getPort());
        return new MetricsServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private record Answer(int status, String contentType, String body) {
    }

    private static void answer(HttpExchange exchange, Supplier<Answer> handler) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Answer a;
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                a = new Answer(405, "text/plain; charset=utf-8", "only GET\n");
            } else if (!path.equals(exchange.getHttpContext().getPath())) {
                a = new Answer(404, "text/plain; charset=utf-8", "not found: " + path + "\n");
            } else {
                try {
                    a = handler.get();
                } catch (RuntimeException e) {
                    log.warn("{} failed: {}", path, e.toString());
                    a = new Answer(500, "text/plain; charset=utf-8", "failed: " + e.getMessage() + "\n");
                }
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", a.contentType());
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(a.status(), head ? -1 : body.length);
            if (!head) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
