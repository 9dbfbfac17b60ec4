package vn.ioc.console.camera;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import vn.ioc.ingest.contract.CameraEvent;
import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;

/**
 * Keeps the camera picture of an incident at the time it happened: when an active incident
 * with camera evidence reaches the console, the snapshot of the camera's event closest to the
 * evidence's time, or else the camera's latest frame if it came close enough to that time, is
 * stored with the incident. Called on the MQTT callback thread: picking is a memory lookup and
 * the database write runs on its own thread behind a bounded queue. Every console replica does
 * this; the store keeps the first picture per incident and camera.
 */
@Component
public class IncidentSnapshotKeeper implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IncidentSnapshotKeeper.class);

    /** An event's snapshot belongs to evidence this close in time (the event's own time, give or take the agent's clock). */
    static final Duration EVENT_TOLERANCE = Duration.ofSeconds(30);
    /** A frame is "at the time" only this close to it; frames come every few seconds. */
    static final Duration FRAME_TOLERANCE = Duration.ofSeconds(60);
    static final Duration KEEP_EVENTS = Duration.ofMinutes(10);
    static final int MAX_EVENTS = 100;
    private static final int REMEMBERED = 10_000;

    private final FrameCache frames;
    private final SnapshotRepository snapshots;
    private final Clock clock;
    private final EventSnapshots events = new EventSnapshots(MAX_EVENTS, KEEP_EVENTS);
    /** incident/site/camera already kept by this console, so that updates of a long incident cost nothing */
    private final Map<String, Boolean> kept = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(64), r -> {
        Thread t = new Thread(r, "ioc-console-snapshots");
        t.setDaemon(true);
        return t;
    });

    public IncidentSnapshotKeeper(FrameCache frames, SnapshotRepository snapshots, Clock clock) {
        this.frames = frames;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    public void onCameraEvent(CameraEvent event) {
        events.add(event);
    }

    public void onIncident(Incident incident) {
        if (!incident.status().isActive() || incident.site() == null || incident.evidence() == null) {
            return;
        }
        for (Evidence e : incident.evidence()) {
            if (e.kind() != Evidence.Kind.CAMERA || e.source() == null) {
                continue;
            }
            String key = incident.id() + "/" + incident.site() + "/" + e.source();
            synchronized (kept) {
                if (kept.containsKey(key)) {
                    continue;
                }
            }
            Instant at = e.at() != null ? e.at() : incident.openedAt();
            pick(incident.site(), e.source(), at).ifPresent(p -> store(key, incident.id(), incident.site(), e.source(), p));
        }
    }

    private record Picked(Instant takenAt, SnapshotRepository.Source source, byte[] jpeg) {
    }

    private Optional<Picked> pick(String site, String camera, Instant at) {
        Instant now = clock.instant();
        Optional<Picked> fromEvent = events.closest(site, camera, at, EVENT_TOLERANCE, now)
                .map(s -> new Picked(s.at(), SnapshotRepository.Source.EVENT, s.jpeg()));
        if (fromEvent.isPresent()) {
            return fromEvent;
        }
        return frames.latest(site, camera)
                .filter(f -> EventSnapshots.distance(f.receivedAt(), at).compareTo(FRAME_TOLERANCE) <= 0)
                .map(f -> new Picked(f.receivedAt(), SnapshotRepository.Source.FRAME, f.jpeg()));
    }

    private void store(String key, String incidentId, String site, String camera, Picked p) {
        synchronized (kept) {
            kept.put(key, true);
        }
        try {
            writer.execute(() -> {
                try {
                    snapshots.keep(incidentId, site, camera, p.takenAt(), p.source(), p.jpeg(), clock.instant());
                } catch (RuntimeException ex) {
                    forget(key);
                    log.warn("Could not keep the snapshot of camera {}/{} for incident {}: {}", site, camera, incidentId, ex.getMessage());
                }
            });
        } catch (RejectedExecutionException ex) {
            forget(key); // the database is far behind: a later update of the incident tries again
            log.warn("Snapshot of camera {}/{} for incident {} not kept: the writer is busy", site, camera, incidentId);
        }
    }

    private void forget(String key) {
        synchronized (kept) {
            kept.remove(key);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
