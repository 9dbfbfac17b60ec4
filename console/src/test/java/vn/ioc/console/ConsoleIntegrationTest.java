package vn.ioc.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.ioc.ingest.mqtt.MqttConnection;
import vn.ioc.ingest.mqtt.MqttSettings;
import vn.ioc.ingest.testing.TestBroker;
import vn.ioc.ingest.testing.TestDatabase;

/**
 * The whole console on a random port, against a real PostgreSQL (a fresh schema, see
 * {@link TestDatabase}) and a real MQTT broker ({@link TestBroker}). Subclasses share one
 * application context; each test keeps apart by its own ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ConsoleIntegrationTest {

    protected static final String ADMIN = "admin";
    protected static final String ADMIN_PASSWORD = "it-" + UUID.randomUUID();
    protected static final TestDatabase DB = TestDatabase.freshSchema();

    protected static MqttConnection publisher;

    @LocalServerPort
    protected int port;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void console(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::jdbcUrl);
        registry.add("ioc.mqtt.url", TestBroker::url);
        registry.add("ioc.admin.password", () -> ADMIN_PASSWORD);
        // no tile server in tests: the map must stand on its own ward layer
        registry.add("ioc.map.tile-url", () -> "");
    }

    @BeforeAll
    static void connectPublisher() throws Exception {
        publisher = MqttConnection.builder(MqttSettings.of(TestBroker.url(), TestBroker.unique("console-it-publisher")))
                .build()
                .connect(Duration.ofSeconds(30));
    }

    @AfterAll
    static void closePublisher() {
        publisher.close();
    }

    protected static void publish(String topic, byte[] payload, int qos, boolean retained) {
        publisher.publish(topic, payload, qos, retained).join();
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    protected static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    protected HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> getAsAdmin(String path) throws IOException, InterruptedException {
        return get(path, basic(ADMIN, ADMIN_PASSWORD));
    }
}
