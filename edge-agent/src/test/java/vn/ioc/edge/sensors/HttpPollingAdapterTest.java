package vn.ioc.edge.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.dataformat.yaml.YAMLMapper;

import vn.ioc.ingest.contract.Measurement;

/** Polling a JSON endpoint the test serves, whose answer the test changes. */
class HttpPollingAdapterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private HttpServer server;
    private volatile int status = 200;
    private volatile String body = "{}";
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> apiKeys = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/air", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        apiKeys.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Api-Key")));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/air";
    }

    private HttpPollingAdapter adapter(double intervalSeconds) throws Exception {
        String yaml = """
                type: http
                url: %s
                intervalSeconds: %s
                timeoutSeconds: 5
                headers: {X-Api-Key: k-123}
                metrics:
                  - {metric: pm2_5, pointer: /data/pm25, unit: ug/m3, timePointer: /data/ts}
                  - {metric: temperature, pointer: /data/sensors/0/value, unit: Cel, scale: 0.1}
                  - {metric: wind_speed, pointer: /data/wind~1speed, unit: km/h, scale: 3.6}
                """.formatted(url(), intervalSeconds);
        SensorAdapters factory = new SensorAdapters(name -> null, Clock.fixed(NOW, ZoneOffset.UTC));
        return (HttpPollingAdapter) factory.create("air-1", new YAMLMapper().readTree(yaml), "sensor 'air-1'");
    }

    private static final String GOOD = """
            {"data": {"pm25": 41.5, "ts": 1795400000, "sensors": [{"value": 287}], "wind/speed": 2.5}}
            """;

    @Test
    void valuesAreFoundByPointerAndScaled() throws Exception {
        body = GOOD;
        List<Measurement> m = adapter(60).poll();

        assertThat(m).containsExactly(
                new Measurement("pm2_5", "ug/m3", 41.5, Instant.ofEpochSecond(1_795_400_000L)),
                new Measurement("temperature", "Cel", 287 * 0.1, NOW),
                new Measurement("wind_speed", "km/h", 2.5 * 3.6, NOW));
        assertThat(apiKeys).containsExactly("k-123");
    }

    @Test
    void missingOrNonNumericFieldIsSkippedAndTheOthersKept() throws Exception {
        body = """
                {"data": {"pm25": "n/a", "ts": "2026-11-23T14:59:00+07:00", "sensors": [], "wind/speed": 1}}
                """;
        List<Measurement> m = adapter(60).poll();

        assertThat(m).containsExactly(new Measurement("wind_speed", "km/h", 3.6, NOW));
    }

    @Test
    void isoTimeWithAnOffsetIsRead() throws Exception {
        body = """
                {"data": {"pm25": 12, "ts": "2026-11-23T14:59:00+07:00"}}
                """;
        List<Measurement> m = adapter(60).poll();

        assertThat(m).hasSize(1);
        assertThat(m.get(0).time()).isEqualTo(Instant.parse("2026-11-23T07:59:00Z"));
    }

    @Test
    void httpErrorThrowsExceptionNamingTheUrlAndStatus() throws Exception {
        status = 503;
        body = "maintenance";
        HttpPollingAdapter a = adapter(60);
        assertThatThrownBy(a::poll)
                .isInstanceOf(HttpPollingAdapter.PollException.class)
                .hasMessage("GET " + url() + " answered HTTP 503 'maintenance'");
    }

    @Test
    void answerThatIsNotJsonThrowsException() throws Exception {
        body = "<html>login</html>";
        HttpPollingAdapter a = adapter(60);
        assertThatThrownBy(a::poll).hasMessageContaining(url()).hasMessageContaining("not JSON").hasMessageContaining("<html>");
    }

    @Test
    void unreachableEndpointThrowsException() throws Exception {
        HttpPollingAdapter a = adapter(60);
        String u = url();
        server.stop(0);
        assertThatThrownBy(a::poll).isInstanceOf(HttpPollingAdapter.PollException.class).hasMessageContaining(u);
    }

    @Test
    void pollingGoesOnAfterABadAnswer() throws Exception {
        status = 500;
        body = "boom";
        List<Measurement> received = new CopyOnWriteArrayList<>();
        try (HttpPollingAdapter a = adapter(0.1)) {
            a.start((sensor, readings) -> received.addAll(readings));
            await().atMost(Duration.ofSeconds(30)).until(() -> requests.get() >= 2);
            assertThat(received).isEmpty();

            body = "not json";
            status = 200;
            int before = requests.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> requests.get() >= before + 2);
            assertThat(received).isEmpty();

            body = GOOD;
            await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
        }
        assertThat(received.get(0)).isEqualTo(new Measurement("pm2_5", "ug/m3", 41.5, Instant.ofEpochSecond(1_795_400_000L)));
    }
}
