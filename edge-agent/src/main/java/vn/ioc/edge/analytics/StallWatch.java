package vn.ioc.edge.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.ioc.ingest.contract.CameraEvent;

/**
 * STALLED_VEHICLE: a track standing still in a no-stopping zone longer than the zone allows. Reported
 * once per stall; the all-clear when it moves on, leaves the zone or is lost.
 */
final class StallWatch {

    private final List<Zone> zones;
    /** track id → the zone its reported stall is in */
    private final Map<Long, String> stalled = new HashMap<>();
    /** track id → when its reported stall began, to tell a new stall from the same one */
    private final Map<Long, Double> stallStart = new HashMap<>();

    StallWatch(List<Zone> zones) {
        this.zones = zones.stream().filter(z -> z.kind() == Zone.Kind.NO_STOPPING).toList();
    }

    void update(List<Track> tracks, List<Track> ended, double now, List<AnalyticsOutput> out) {
        for (Track t : ended) {
            String zone = stalled.remove(t.id());
            if (zone != null) {
                stallStart.remove(t.id());
                out.add(event(now, false, t, zone));
            }
        }
        for (Track t : tracks) {
            String zone = stalled.get(t.id());
            if (zone != null) {
                Zone z = zones.stream().filter(x -> x.id().equals(zone)).findFirst().orElseThrow();
                if (t.stillSince() != stallStart.get(t.id()) || !z.contains(t.anchor())) {
                    stalled.remove(t.id());
                    stallStart.remove(t.id());
                    out.add(event(now, false, t, zone));
                }
                continue;
            }
            for (Zone z : zones) {
                if (t.stillFor(now) > z.maxStopSeconds() && z.contains(t.anchor())) {
                    stalled.put(t.id(), z.id());
                    stallStart.put(t.id(), t.stillSince());
                    out.add(event(now, true, t, z.id()));
                    break;
                }
            }
        }
    }

    private static AnalyticsEvent event(double now, boolean start, Track t, String zone) {
        return new AnalyticsEvent(now, CameraEvent.Type.STALLED_VEHICLE, start, t.objectId(), zone, null);
    }
}
