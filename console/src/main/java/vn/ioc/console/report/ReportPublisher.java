package vn.ioc.console.report;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * publish is retried in the background for about a minute, then logged with the report's id;
 * {@link ReportOutbox} publishes it again later. A report the broker took is marked published.
 */
@Component
class ReportPublisher {

    private static final Logger log = LoggerFactory.getLogger(ReportPublisher.class);
    static final int ATTEMPTS = 6;
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);

    private final BrokerPublisher broker;
    private final ReportRepository reports;
    private final Clock clock;
    private final ReportCodec codec = new ReportCodec();
    private final Counter published;

    ReportPublisher(BrokerPublisher broker, ReportRepository reports, Clock clock, MeterRegistry meters) {
        this.published = Counter.builder("ioc.console.reports.published")
                .description("Citizens' reports the broker took, first attempts, retries and outbox sweeps alike").register(meters);
        this.broker = broker;
        this.reports = reports;
        this.clock = clock;
    }

    /** Publishes a newly filed report, retrying for about a minute. */
    void publish(FiledReport r) {
        attempt(Topics.report(r.id()), payload(r), r.id(), 1, FIRST_RETRY);
    }

    /** One attempt, for the outbox sweep; completes when the broker took the report (and it is marked) or failed. */
    CompletableFuture<Void> publishOnce(FiledReport r) {
        return broker.publish(Topics.report(r.id()), payload(r), 1, false)
                .thenRunAsync(() -> marked(r.id()));
    }

    private void marked(String id) {
        published.increment();
        reports.markPublished(id, clock.instant());
    }

    private byte[] payload(FiledReport r) {
        return codec.encode(new Report(r.id(), r.category().code(), r.lat(), r.lon(), r.requestedAt(), r.ward(), r.description(), r.status()));
    }

    private void attempt(String topic, byte[] payload, String id, int attempt, Duration wait) {
        broker.publish(topic, payload, 1, false).whenCompleteAsync((ok, e) -> { // off the MQTT client's thread: this may write to the database
            if (e == null) {
                marked(id);
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
