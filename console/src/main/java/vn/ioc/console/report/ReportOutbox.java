package vn.ioc.console.report;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.ioc.console.cluster.JobLock;

/**
 * Publishes again the reports the broker never took: they were stored while it was down for
 * longer than {@link ReportPublisher}'s minute of retries, and the stream job must still hear
 * of them. A report is picked once it is older than that minute, so the sweep does not race a
 * publish still in progress. One console sweeps at a time ({@link JobLock}); a report published
 * twice all the same (a console died before marking it) is taken by the job as delivered again.
 */
@Component
public class ReportOutbox implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(ReportOutbox.class);
    /** Longer than ReportPublisher's retries (2 + 4 + 8 + 16 + 32 s). */
    static final Duration GRACE = Duration.ofMinutes(2);
    static final int BATCH = 200;

    private final ReportRepository reports;
    private final ReportPublisher publisher;
    private final Clock clock;
    private final JobLock lock;

    ReportOutbox(ReportRepository reports, ReportPublisher publisher, Clock clock, JobLock lock) {
        this.reports = reports;
        this.publisher = publisher;
        this.clock = clock;
        this.lock = lock;
    }

    /** Reports waiting for the broker, counted in the database (a partial index) when scraped. */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ioc.console.reports.outbox", reports, ReportRepository::countUnpublished)
                .description("Citizens' reports stored but not yet taken by the broker").register(registry);
    }

    @Scheduled(fixedDelayString = "${ioc.reports.outbox-every:30s}", initialDelayString = "${ioc.reports.outbox-every:30s}")
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Report outbox sweep failed, trying again later: {}", e.getMessage());
        }
    }

    /** Publishes one batch of unpublished reports; returns how many the broker took (0 while another console sweeps). */
    public int sweep() {
        return lock.callAlone("report-outbox", this::sweepAlone).orElse(0);
    }

    private int sweepAlone() {
        List<FiledReport> due = reports.unpublished(clock.instant().minus(GRACE), BATCH);
        int taken = 0;
        for (FiledReport r : due) {
            try {
                publisher.publishOnce(r).get(10, TimeUnit.SECONDS);
                taken++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                // the broker is still away: the rest would fail the same way
                log.warn("Report {} is still not published ({} waiting): {}", r.id(), due.size() - taken, e.getMessage());
                break;
            }
        }
        if (taken > 0) {
            log.info("Published {} report(s) the broker had missed", taken);
        }
        return taken;
    }
}
