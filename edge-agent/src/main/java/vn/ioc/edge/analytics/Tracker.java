package vn.ioc.edge.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Follows detections from frame to frame by nearest predicted position: each track is matched to at
 * most one detection, the cheapest pairs first, where the distance between the predicted and the
 * measured box (relative to the box size) is small or the boxes overlap. Unmatched detections start
 * tracks; tracks unmatched for longer than {@code maxMissedSeconds} end. Not thread-safe.
 */
public final class Tracker {

    /** A pair further apart than this many box diagonals is not the same object. */
    private static final double GATE = 0.8;

    private final double maxMissedSeconds;
    private final double confirmSeconds;
    private final double stillPixels;
    private final List<Track> tracks = new ArrayList<>();
    private final List<Track> ended = new ArrayList<>();
    private long nextId = 1;

    public Tracker(double maxMissedSeconds, double confirmSeconds, double stillPixels) {
        this.maxMissedSeconds = maxMissedSeconds;
        this.confirmSeconds = confirmSeconds;
        this.stillPixels = stillPixels;
    }

    private record Pair(Track track, int detection, double cost) {
    }

    /** Matches this frame's detections; afterwards {@link #tracks()} and {@link #ended()} tell the result. */
    public void update(List<Detection> detections, double seconds) {
        ended.clear();
        List<Pair> pairs = new ArrayList<>();
        for (Track t : tracks) {
            var predicted = t.predicted(seconds);
            for (int i = 0; i < detections.size(); i++) {
                Detection d = detections.get(i);
                double size = Math.max(t.box().diagonal(), d.diagonal());
                double cost = predicted.distance(d.anchor()) / size;
                double iou = t.box().iou(d);
                if (cost <= GATE || iou > 0.3) {
                    pairs.add(new Pair(t, i, cost - iou));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::cost));
        boolean[] used = new boolean[detections.size()];
        List<Track> matched = new ArrayList<>();
        for (Pair p : pairs) {
            if (used[p.detection()] || matched.contains(p.track())) {
                continue;
            }
            used[p.detection()] = true;
            matched.add(p.track());
            p.track().update(detections.get(p.detection()), seconds, stillPixels);
        }
        for (Iterator<Track> it = tracks.iterator(); it.hasNext(); ) {
            Track t = it.next();
            if (matched.contains(t)) {
                continue;
            }
            if (seconds - t.lastSeen() > maxMissedSeconds) {
                it.remove();
                ended.add(t);
            } else {
                t.miss();
            }
        }
        for (int i = 0; i < detections.size(); i++) {
            if (!used[i]) {
                tracks.add(new Track(nextId++, detections.get(i), seconds));
            }
        }
    }

    /** The live tracks, seen or coasting. */
    public List<Track> tracks() {
        return tracks;
    }

    /** The tracks that ended with the last update. */
    public List<Track> ended() {
        return ended;
    }

    /**
     * Seen long and often enough to be a real object rather than a flicker, and moved at some time,
     * so not a ghost of the background model.
     */
    public boolean confirmed(Track t) {
        return t.lastSeen() - t.firstSeen() >= confirmSeconds && t.hits() >= 3 && t.hasMoved();
    }
}
