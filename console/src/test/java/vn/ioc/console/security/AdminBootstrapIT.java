package vn.ioc.console.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import vn.ioc.console.IocConsoleApplication;
import vn.ioc.ingest.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the console twice on one database, as an operator would, through the same entry point
 * a launcher uses. No broker listens at the configured address: the console must serve anyway.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapIT {

    private static final Pattern GENERATED = Pattern.compile("created user 'admin' \\(ADMIN\\) with the generated password: (\\S+) ");
    private static final String NO_BROKER = "tcp://127.0.0.1:1";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void firstStartWithoutAPasswordGeneratesOneLogsItOnceAndItWorks(CapturedOutput output) throws Exception {
        TestDatabase db = TestDatabase.freshSchema();
        String password;
        try (ConfigurableApplicationContext console = IocConsoleApplication.start(properties(db, ""))) {
            assertThat(generated(output)).as("generated passwords logged").hasSize(1);
            password = generated(output).get(0);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(status(console, "/api/incidents", "admin", password)).isEqualTo(200);
            assertThat(status(console, "/api/incidents", "admin", password + "x")).isEqualTo(401);
        }

        try (ConfigurableApplicationContext console = IocConsoleApplication.start(properties(db, ""))) {
            assertThat(generated(output)).as("no other password generated on the second start").containsExactly(password);
            assertThat(status(console, "/api/incidents", "admin", password)).isEqualTo(200);
        }
    }

    @Test
    void configuredPasswordCreatesTheAdminAndAChangedOneResetsIt(CapturedOutput output) throws Exception {
        TestDatabase db = TestDatabase.freshSchema();
        try (ConfigurableApplicationContext console = IocConsoleApplication.start(properties(db, "first secret 1"))) {
            assertThat(status(console, "/api/incidents", "admin", "first secret 1")).isEqualTo(200);
        }
        try (ConfigurableApplicationContext console = IocConsoleApplication.start(properties(db, "second secret 2"))) {
            assertThat(status(console, "/api/incidents", "admin", "first secret 1")).isEqualTo(401);
            assertThat(status(console, "/api/incidents", "admin", "second secret 2")).isEqualTo(200);
        }
        assertThat(generated(output)).isEmpty();
        assertThat(output.getOut()).doesNotContain("first secret 1").doesNotContain("second secret 2");
    }

    @Test
    void withoutABrokerTheConsoleStillServesAndHealthSaysMqttIsUnknown() throws Exception {
        TestDatabase db = TestDatabase.freshSchema();
        try (ConfigurableApplicationContext console = IocConsoleApplication.start(properties(db, "health secret"))) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri(console, "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"mqtt\":{\"status\":\"UNKNOWN\"}");
            assertThat(status(console, "/api/devices", "admin", "health secret")).isEqualTo(200);
        }
    }

    private static Map<String, String> properties(TestDatabase db, String adminPassword) {
        return Map.of(
                "server.port", "0",
                "spring.datasource.url", db.jdbcUrl(),
                "ioc.mqtt.url", NO_BROKER,
                "ioc.admin.password", adminPassword);
    }

    private static List<String> generated(CapturedOutput output) {
        List<String> passwords = new ArrayList<>();
        Matcher m = GENERATED.matcher(output.getOut());
        while (m.find()) {
            passwords.add(m.group(1));
        }
        return passwords;
    }

    private int status(ConfigurableApplicationContext console, String path, String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(console, path)).header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static URI uri(ConfigurableApplicationContext console, String path) {
        return URI.create("http://127.0.0.1:" + console.getEnvironment().getProperty("local.server.port") + path);
    }
}
