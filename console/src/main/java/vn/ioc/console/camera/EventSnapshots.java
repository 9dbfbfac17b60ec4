package vn.ioc.console.camera;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

import vn.ioc.ingest.contract.CameraEvent;
import vn.ioc.ingest.contract.CameraEventCodec;

/**
 * The snapshots of the camera events heard lately, until the incident they open comes by: a
 * few minutes and a bounded number (the codec caps each at about 220 KB), the oldest dropped first.
 */
final class EventSnapshots {

    /** A snapshot as the edge took it, with the event's time. */
    record Snapshot(String site, String camera, Instant at, byte[] jpeg) {
    }

    private final int capacity;
    private final Duration keep;
    private final Deque<Snapshot> recent = new ArrayDeque<>();

    EventSnapshots(int capacity, Duration keep) {
        this.capacity = capacity;
        this.keep = keep;
    }

    /** Remembers the snapshot of an event that starts; others and events without a picture are ignored. */
    void add(CameraEvent event) {
        if (event.state() != CameraEvent.State.START || event.snapshot() == null) {
            return;
        }
        byte[] jpeg;
        try {
            jpeg = Base64.getDecoder().decode(event.snapshot().substring(CameraEventCodec.SNAPSHOT_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return; // the codec checked the prefix and size, not the base64 itself
        }
        synchronized (recent) {
            recent.addLast(new Snapshot(event.site(), event.camera(), event.time(), jpeg));
            while (recent.size() > capacity) {
                recent.removeFirst();
            }
        }
    }

    /** The camera's snapshot taken closest to {@code at}, within {@code tolerance}; older ones than the keeping time are forgotten. */
    Optional<Snapshot> closest(String site, String camera, Instant at, Duration tolerance, Instant now) {
        Snapshot best = null;
        synchronized (recent) {
            for (Iterator<Snapshot> it = recent.iterator(); it.hasNext(); ) {
                Snapshot s = it.next();
                if (s.at().isBefore(now.minus(keep))) {
                    it.remove();
                } else if (s.site().equals(site) && s.camera().equals(camera)
                        && distance(s.at(), at).compareTo(tolerance) <= 0
                        && (best == null || distance(s.at(), at).compareTo(distance(best.at(), at)) < 0)) {
                    best = s;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    static Duration distance(Instant a, Instant b) {
        return Duration.between(a, b).abs();
    }
}
