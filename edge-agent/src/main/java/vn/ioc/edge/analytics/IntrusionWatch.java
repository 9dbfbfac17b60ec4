package vn.ioc.edge.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.ioc.ingest.contract.CameraEvent;

/**
 * ZONE_INTRUSION: something inside a keep-clear zone for at least {@code minSeconds}. One START per
 * zone while anything is there, naming the first object; the all-clear once the zone has been empty
 * for {@code clearSeconds}.
 */
final class IntrusionWatch {

    private final List<Zone> zones;
    /** zone id → track id → since when it is inside */
    private final Map<String, Map<Long, Double>> inside = new HashMap<>();
    /** zone id → the object named in its START, while the intrusion lasts */
    private final Map<String, String> active = new HashMap<>();
    private final Map<String, Double> emptySince = new HashMap<>();

    IntrusionWatch(List<Zone> zones) {
        this.zones = zones.stream().filter(z -> z.kind() == Zone.Kind.KEEP_CLEAR).toList();
        for (Zone z : this.zones) {
            inside.put(z.id(), new HashMap<>());
        }
    }

    void update(List<Track> tracks, double now, List<AnalyticsOutput> out) {
        for (Zone z : zones) {
            Map<Long, Double> in = inside.get(z.id());
            Map<Long, Double> still = new HashMap<>();
            for (Track t : tracks) {
                if (z.contains(t.anchor())) {
                    still.put(t.id(), in.getOrDefault(t.id(), now));
                }
            }
            in.clear();
            in.putAll(still);
            if (!active.containsKey(z.id())) {
                for (Track t : tracks) {
                    Double since = in.get(t.id());
                    if (since != null && now - since >= z.minSeconds()) {
                        active.put(z.id(), t.objectId());
                        emptySince.remove(z.id());
                        out.add(new AnalyticsEvent(now, CameraEvent.Type.ZONE_INTRUSION, true, t.objectId(), z.id(), null));
                        break;
                    }
                }
            } else if (in.isEmpty()) {
                double since = emptySince.computeIfAbsent(z.id(), k -> now);
                if (now - since >= z.clearSeconds()) {
                    String objectId = active.remove(z.id());
                    emptySince.remove(z.id());
                    out.add(new AnalyticsEvent(now, CameraEvent.Type.ZONE_INTRUSION, false, objectId, z.id(), null));
                }
            } else {
                emptySince.remove(z.id());
            }
        }
    }
}
