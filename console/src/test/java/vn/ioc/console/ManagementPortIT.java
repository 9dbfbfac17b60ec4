package vn.ioc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The production setting {@code MANAGEMENT_SERVER_PORT}: the actuator answers on its own port,
 * with the same access rules, and no longer on the port the Ingress routes.
 */
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortIT extends ConsoleIntegrationTest {

    @LocalManagementPort
    private int managementPort;

    @Test
    void actuatorAnswersOnItsOwnPortWithTheSameRules() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(onManagement("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(onManagement("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(onManagement("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        HttpResponse<String> scrape = onManagement("/actuator/prometheus", basic(ADMIN, ADMIN_PASSWORD));
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("ioc_console_live_clients");

        assertThat(getAsAdmin("/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> onManagement(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
