package vn.ioc.edge.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.ioc.ingest.contract.CameraEvent;

/**
 * WRONG_WAY: a track that has moved, in sum, more than {@code wrongWayPixels} against the direction of
 * the lane it is in. Summing the moves along the lane lets jitter cancel out while a real drive the
 * wrong way adds up. Once per track; the all-clear when the track is lost.
 */
final class WrongWayWatch {

    private final List<Lane> lanes;
    private final double minPixels;
    /** track id → lane of its reported wrong-way drive */
    private final Map<Long, String> reported = new HashMap<>();
    private final java.util.Set<Long> done = new java.util.HashSet<>();

    WrongWayWatch(List<Lane> lanes, double minPixels) {
        this.lanes = lanes;
        this.minPixels = minPixels;
    }

    void update(List<Track> tracks, List<Track> ended, double now, List<AnalyticsOutput> out) {
        for (Track t : ended) {
            done.remove(t.id());
            String lane = reported.remove(t.id());
            if (lane != null) {
                out.add(new AnalyticsEvent(now, CameraEvent.Type.WRONG_WAY, false, t.objectId(), lane, null));
            }
        }
        for (Track t : tracks) {
            var a = t.anchor();
            var b = t.previousAnchor();
            if (a.equals2D(b) || a.distance(b) > t.box().diagonal()) {
                // a step longer than the object itself between two frames is no drive (a vehicle moves
                // far less than its own length in a frame): the tracker took another blob, as when a
                // vehicle leaving at the picture's edge shrinks and its track jumps to a nearby one
                continue;
            }
            for (Lane lane : lanes) {
                if (!lane.contains(a)) {
                    continue;
                }
                double[] d = lane.direction(a);
                double progress = t.addProgress(lane.id(), (a.x - b.x) * d[0] + (a.y - b.y) * d[1]);
                if (progress < -minPixels && done.add(t.id())) {
                    reported.put(t.id(), lane.id());
                    out.add(new AnalyticsEvent(now, CameraEvent.Type.WRONG_WAY, true, t.objectId(), lane.id(), null));
                }
            }
        }
    }
}
