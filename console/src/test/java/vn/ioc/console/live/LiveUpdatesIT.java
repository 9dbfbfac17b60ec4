package vn.ioc.console.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import vn.ioc.console.ConsoleIntegrationTest;
import vn.ioc.console.LiveSocketClient;
import vn.ioc.console.TestIncidents;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.contract.IncidentCodec;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.SiteStatusCodec;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.testing.TestBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ioc.console.LiveSocketClient.incident;
import static vn.ioc.console.LiveSocketClient.site;

@ExtendWith(OutputCaptureExtension.class)
class LiveUpdatesIT extends ConsoleIntegrationTest {

    /** Bounds every wait for a push: an update takes milliseconds, a broken path never arrives. */
    private static final Duration PUSH = Duration.ofSeconds(15);
    /** The console may still be connecting to the broker when the first test starts. */
    private static final Duration SUBSCRIBED = Duration.ofSeconds(60);

    private final IncidentCodec incidents = new IncidentCodec();
    private final SiteStatusCodec statuses = new SiteStatusCodec();

    @Test
    void incidentPublishedOnMqttReachesAWebSocketClient() throws Exception {
        try (LiveSocketClient socket = LiveSocketClient.connect(port, basic(ADMIN, ADMIN_PASSWORD))) {
            awaitConsoleSubscribed(socket);
            Incident i = TestIncidents.open(TestBroker.unique("ws-incident"), Instant.parse("2026-11-23T04:05:06Z"));

            publish(Topics.incident(i.id()), incidents.encode(i), 1, false);

            JsonNode message = socket.await(incident(i.id()), PUSH);
            assertThat(message).as("the incident pushed within " + PUSH).isNotNull();
            JsonNode data = message.path("data");
            assertThat(data.path("type").asString()).isEqualTo("CONGESTION");
            assertThat(data.path("severity").asString()).isEqualTo("HIGH");
            assertThat(data.path("status").asString()).isEqualTo("OPEN");
            assertThat(data.path("active").asBoolean()).isTrue();
            assertThat(data.path("lat").asDouble()).isEqualTo(TestIncidents.LAT);
            assertThat(data.path("lon").asDouble()).isEqualTo(TestIncidents.LON);
            assertThat(data.path("ward").asString()).isEqualTo("Phường Đông Ba");
            assertThat(data.path("openedAt").asString()).isEqualTo("2026-11-23T04:05:06Z");
            assertThat(data.path("version").asLong()).isEqualTo(1);
            assertThat(data.has("closedAt")).isTrue();
        }
    }

    @Test
    void malformedIncidentIsLoggedWithItsTopicAndTheNextGoodOneStillArrives(CapturedOutput output) throws Exception {
        try (LiveSocketClient socket = LiveSocketClient.connect(port, basic(ADMIN, ADMIN_PASSWORD))) {
            awaitConsoleSubscribed(socket);
            String broken = TestBroker.unique("ws-broken");
            String incomplete = TestBroker.unique("ws-incomplete");
            Incident good = TestIncidents.open(TestBroker.unique("ws-good"), Instant.now());

            publish(Topics.incident(broken), "{\"id\": \"oops".getBytes(StandardCharsets.UTF_8), 1, false);
            publish(Topics.incident(incomplete), ("{\"id\":\"" + incomplete + "\",\"type\":\"CONGESTION\"}").getBytes(StandardCharsets.UTF_8), 1, false);
            publish(Topics.incident(good.id()), incidents.encode(good), 1, false);

            assertThat(socket.await(incident(good.id()), PUSH)).as("the good incident after the bad ones").isNotNull();
            assertThat(socket.all()).noneMatch(incident(broken)).noneMatch(incident(incomplete));
            assertThat(output.getOut())
                    .contains("Ignoring an invalid message on " + Topics.incident(broken) + ": expected an incident but the JSON is malformed")
                    .contains("Ignoring an invalid message on " + Topics.incident(incomplete) + ": expected 'severity'");
        }
    }

    @Test
    void siteGoingOfflineIsPushed() throws Exception {
        try (LiveSocketClient socket = LiveSocketClient.connect(port, basic(ADMIN, ADMIN_PASSWORD))) {
            String site = awaitConsoleSubscribed(socket);

            publish(Topics.status(site), statuses.encode(SiteStatus.will("agent-" + site, site)), 1, false);

            JsonNode message = socket.await(site(site), PUSH);
            assertThat(message).as("the site's will pushed").isNotNull();
            assertThat(message.path("data").path("online").asBoolean()).isFalse();
            assertThat(message.path("data").path("reason").asString()).isEqualTo("connection lost");
        }
    }

    @Test
    void webSocketHandshakeWithoutALoginIsRefused() {
        assertThatThrownBy(() -> LiveSocketClient.connect(port, null)).hasStackTraceContaining("401");
    }

    @Test
    void webSocketHandshakeWithAWrongPasswordIsRefused() {
        assertThatThrownBy(() -> LiveSocketClient.connect(port, basic(ADMIN, "wrong")))
                .hasStackTraceContaining("WebSocket connection to [ws://127.0.0.1:" + port + "/ws/live] failed");
    }

    /**
     * Publishes a retained birth for a new site and waits for its push: once it arrives, the
     * console's subscription is in place (a retained message reaches a subscription made later too).
     */
    private String awaitConsoleSubscribed(LiveSocketClient socket) throws InterruptedException {
        String site = TestBroker.unique("ws-site");
        publish(Topics.status(site), statuses.encode(TestIncidents.birth(site, "Cầu Trường Tiền", 16.4667, 107.5876)), 1, true);
        try {
            JsonNode message = socket.await(site(site), SUBSCRIBED);
            assertThat(message).as("the console subscribed to the broker within " + SUBSCRIBED).isNotNull();
            assertThat(message.path("data").path("online").asBoolean()).isTrue();
            return site;
        } finally {
            publish(Topics.status(site), new byte[0], 1, true);
        }
    }
}
