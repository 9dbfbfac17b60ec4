package vn.ioc.edge.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ioc.edge.SequenceNumbers;
import vn.ioc.edge.metrics.AgentHealth;
import vn.ioc.edge.metrics.ForwardMeters;
import vn.ioc.edge.metrics.MetricsServer;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.embedded.Ports;
import vn.ioc.ingest.mqtt.MqttSettings;

/**
 * The agent's {@code /metrics} and {@code /health} over HTTP, with a real publisher and disk
 * buffer: while the broker is unreachable the buffer's depth and age rise and health stays up
 * (the buffer works); once the broker is there they fall to zero and the messages count as
 * delivered; a closed publisher is unhealthy.
 */
class ForwardMetricsIT {

    private static final String SITE = "hue-metrics-it";
    private static final int MESSAGES = 40;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path state;

    @Test
    void bufferDepthRisesWhileTheBrokerIsAwayAndFallsWhenItIsBack() throws Exception {
        try (RestartableBroker broker = RestartableBroker.create(Ports.free(), state)) {
            StoreAndForward out = StoreAndForward.builder(MqttSettings.of(broker.url(), SITE), SITE, state.resolve("buffer"),
                            SequenceNumbers.open(state.resolve("sequence"), SITE, 100))
                    .healthInterval(Duration.ZERO)
                    .start();
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new ForwardMeters(SITE, out).bindTo(registry);
            try (MetricsServer server = MetricsServer.start(0, registry, () -> AgentHealth.of(SITE, out))) {
                String base = "http://127.0.0.1:" + server.port();
                for (int i = 0; i < MESSAGES; i++) {
                    out.send(Priority.READING, Topics.sensorObservations(SITE, "level"),
                            seq -> ("{\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8));
                }

                String away = get(base + "/metrics").body();
                assertThat(value(away, "ioc_agent_buffer_depth")).isEqualTo(MESSAGES);
                assertThat(value(away, "ioc_agent_buffer_size_bytes")).isPositive();
                assertThat(value(away, "ioc_agent_broker_connected")).isZero();
                assertThat(value(away, "ioc_agent_messages_delivered_total", "priority=\"reading\"")).isZero();
                // the oldest message's age grows while nothing is delivered
                await().atMost(PATIENCE).until(() -> value(get(base + "/metrics").body(), "ioc_agent_buffer_oldest_age_seconds") >= 1.0);
                HttpResponse<String> health = get(base + "/health");
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"UP\"", "\"brokerConnected\":false", "\"buffered\":" + MESSAGES);

                broker.start();
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    String back = get(base + "/metrics").body();
                    assertThat(value(back, "ioc_agent_broker_connected")).isEqualTo(1);
                    assertThat(value(back, "ioc_agent_buffer_depth")).isZero();
                    assertThat(value(back, "ioc_agent_buffer_oldest_age_seconds")).isZero();
                    assertThat(value(back, "ioc_agent_messages_delivered_total", "priority=\"reading\"")).isEqualTo(MESSAGES);
                });
                assertThat(get(base + "/health").body()).contains("\"brokerConnected\":true", "\"buffered\":0");

                out.close();
                HttpResponse<String> closed = get(base + "/health");
                assertThat(closed.statusCode()).isEqualTo(503);
                assertThat(closed.body()).contains("\"status\":\"DOWN\"");
                assertThat(get(base + "/nothing-here").statusCode()).isEqualTo(404);
            } finally {
                out.close();
            }
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the one sample of {@code name} for this site whose labels contain {@code label}. */
    private static double value(String scrape, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        Double found = null;
        while (m.find()) {
            if (m.group(1).contains("site=\"" + SITE + "\"") && m.group(1).contains(label)) {
                assertThat(found).as("one sample of %s{%s}", name, label).isNull();
                found = Double.parseDouble(m.group(2));
            }
        }
        assertThat(found).as("a sample of %s{%s} in%n%s", name, label, scrape).isNotNull();
        return found;
    }

    private static double value(String scrape, String name) {
        return value(scrape, name, "");
    }
}
