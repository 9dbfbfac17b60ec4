package vn.ioc.edge.sensors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ioc.ingest.contract.Measurement;

/**
 * A sensor played back from a {@link Recording} (CSV or SenML file) on its own thread, at a
 * speed-up, once or in a loop.
 */
public final class ReplayAdapter implements SensorAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayAdapter.class);

    private final String sensorId;
    private final Recording recording;
    private final double speedup;
    private final boolean loop;
    private final ReplaySchedule.Stamp stamp;
    private final Clock clock;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private Thread thread;

    public ReplayAdapter(String sensorId, Recording recording, double speedup, boolean loop, ReplaySchedule.Stamp stamp, Clock clock) {
        if (!(speedup > 0) || Double.isInfinite(speedup)) {
            throw new IllegalArgumentException("expected a positive speed-up but was " + speedup);
        }
        this.sensorId = sensorId;
        this.recording = recording;
        this.speedup = speedup;
        this.loop = loop;
        this.stamp = stamp;
        this.clock = clock;
    }

    @Override
    public String sensorId() {
        return sensorId;
    }

    public Recording recording() {
        return recording;
    }

    @Override
    public synchronized void start(ReadingSink sink) {
        if (thread != null) {
            throw new IllegalStateException("sensor '" + sensorId + "': replay already started");
        }
        ReplaySchedule schedule = new ReplaySchedule(recording, speedup, loop, stamp, clock.instant());
        thread = new Thread(() -> run(schedule, sink), "sensor-" + sensorId);
        thread.setDaemon(true);
        thread.start();
        LOG.info("sensor '{}': replaying {} at {}x{}", sensorId, recording, speedup, loop ? ", looping" : "");
    }

    private void run(ReplaySchedule schedule, ReadingSink sink) {
        try {
            while (!schedule.ended() && stopping.getCount() > 0) {
                Duration wait = Duration.between(clock.instant(), schedule.nextDue());
                if (!wait.isNegative() && !wait.isZero() && stopping.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                    return;
                }
                for (List<Measurement> batch : schedule.takeDue(clock.instant())) {
                    deliver(sink, batch);
                }
            }
            LOG.info("sensor '{}': replay of {} ended", sensorId, recording.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(ReadingSink sink, List<Measurement> batch) {
        try {
            sink.accept(sensorId, batch);
        } catch (RuntimeException e) {
            // A failing sink must not end the replay; the next batch is tried as usual.
            LOG.warn("sensor '{}': delivering a reading failed: {}", sensorId, e.toString());
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
