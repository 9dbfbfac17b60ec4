package vn.ioc.console.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.ioc.console.ConsoleIntegrationTest;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.mqtt.MqttConnection;
import vn.ioc.ingest.mqtt.MqttSettings;
import vn.ioc.ingest.testing.TestBroker;

/**
 * A report stored while the broker was away longer than the console's retries still reaches
 * the stream job: the outbox sweep publishes it, and leaves alone what is still being retried.
 */
class ReportOutboxIT extends ConsoleIntegrationTest {

    @Autowired
    private ReportService service;
    @Autowired
    private ReportOutbox outbox;
    @Autowired
    private JdbcTemplate jdbc;

    private String file(double lat, double lon) {
        return service.file(new NewReport("waste", Double.toString(lat), Double.toString(lon), "Rác chưa thu gom",
                null, null, null, null, null, null)).report().id();
    }

    private Timestamp publishedAt(String id) {
        return jdbc.queryForObject("SELECT published_at FROM report WHERE id = ?", Timestamp.class, id);
    }

    /** As if the broker never took the report, filed the given time ago. */
    private void neverPublished(String id, Duration ago) {
        jdbc.update("UPDATE report SET published_at = NULL, requested_at = ? WHERE id = ?", Timestamp.from(Instant.now().minus(ago)), id);
    }

    @Test
    void aReportTheBrokerNeverTookIsPublishedByTheSweepButOneStillBeingRetriedIsNot() throws Exception {
        String missed = file(16.4571, 107.5802);
        String recent = file(16.4577, 107.5811);
        await("a report the broker took is marked published").atMost(Duration.ofSeconds(60))
                .until(() -> publishedAt(missed) != null && publishedAt(recent) != null);
        neverPublished(missed, Duration.ofMinutes(10));
        neverPublished(recent, Duration.ofSeconds(30));

        Set<String> heard = ConcurrentHashMap.newKeySet();
        MqttConnection job = MqttConnection.builder(MqttSettings.of(TestBroker.url(), TestBroker.unique("outbox-it")))
                .subscribe(Topics.ALL_REPORTS, 1)
                .listener((topic, message) -> heard.add(Topics.parse(topic).id()))
                .build()
                .connect(Duration.ofSeconds(30));
        try {
            outbox.sweep();
            await().atMost(Duration.ofSeconds(30)).until(() -> heard.contains(missed) && publishedAt(missed) != null);
            assertThat(heard).as("still within the console's own retries").doesNotContain(recent);
            assertThat(publishedAt(recent)).isNull();
        } finally {
            job.close();
        }
    }
}
