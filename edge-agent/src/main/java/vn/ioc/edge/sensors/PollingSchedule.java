package vn.ioc.edge.sensors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ioc.ingest.contract.Measurement;

/**
 * Polls one sensor at a fixed rate on a daemon thread of its own. A poll that fails is logged
 * with the sensor and where it reads from, and the next one still runs: a scheduled task that
 * throws would never run again.
 */
final class PollingSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(PollingSchedule.class);

    /** One poll; its exception's message says what went wrong, for the log line. */
    @FunctionalInterface
    interface Poll {
        List<Measurement> poll() throws Exception;
    }

    private final String sensorId;
    private final Duration interval;
    private final Duration patience;
    private ScheduledExecutorService timer;

    /**
     * @param patience how long {@link #stop()} waits for a poll in progress (its timeout, and a bit)
     */
    PollingSchedule(String sensorId, Duration interval, Duration patience) {
        this.sensorId = sensorId;
        this.interval = interval;
        this.patience = patience;
    }

    /** @param source where the sensor is read, for log lines: a URL, a serial port */
    synchronized void start(ReadingSink sink, Poll poll, String source) {
        if (timer != null) {
            throw new IllegalStateException("sensor '" + sensorId + "': polling already started");
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sensor-" + sensorId);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> pollInto(sink, poll, source), 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        LOG.info("sensor '{}': polling {} every {} s", sensorId, source, interval.toMillis() / 1000.0);
    }

    private void pollInto(ReadingSink sink, Poll poll, String source) {
        try {
            List<Measurement> readings = poll.poll();
            if (!readings.isEmpty()) {
                sink.accept(sensorId, readings);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("sensor '{}': {}: {}; reading skipped", sensorId, source,
                    e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    /** Stops polling and waits for a poll in progress. */
    void stop() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
        }
        if (t != null) {
            t.shutdownNow();
            try {
                t.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
