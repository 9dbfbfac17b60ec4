package vn.ioc.console.report;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.ioc.console.live.BrokerPublisher;
import vn.ioc.ingest.contract.Report;
import vn.ioc.ingest.contract.ReportCodec;
import vn.ioc.ingest.contract.Topics;

/**
 * Tells the stream job about a stored report ({@code ioc/v1/reports/{id}}, QoS 1, not retained).
 * The report is already committed, so the citizen's answer never waits for the broker: a failed
 * publish is retried in the background for about a minute, then logged with the report's id.
 */
@Component
class ReportPublisher {

    private static final Logger log = LoggerFactory.getLogger(ReportPublisher.class);
    static final int ATTEMPTS = 6;
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);

    private final BrokerPublisher broker;
    private final ReportCodec codec = new ReportCodec();

    ReportPublisher(BrokerPublisher broker) {
        this.broker = broker;
    }

    void publish(FiledReport r) {
        Report message = new Report(r.id(), r.category().code(), r.lat(), r.lon(), r.requestedAt(), r.ward(), r.description(), r.status());
        attempt(Topics.report(r.id()), codec.encode(message), r.id(), 1, FIRST_RETRY);
    }

    private void attempt(String topic, byte[] payload, String id, int attempt, Duration wait) {
        broker.publish(topic, payload, 1, false).whenComplete((ok, e) -> {
            if (e == null) {
                return;
            }
            if (attempt >= ATTEMPTS) {
                log.warn("Report {} is stored but was not published on {} after {} attempts: {}", id, topic, attempt, e.getMessage());
                return;
            }
            Executor later = CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS);
            later.execute(() -> attempt(topic, payload, id, attempt + 1, wait.multipliedBy(2)));
        });
    }
}
