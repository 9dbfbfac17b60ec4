package vn.ioc.streaming.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;

/**
 * A camera's traffic event (stalled vehicle, wrong way, zone intrusion) is confirmed when a
 * sensor at the same intersection sees the traffic go wrong too: congestion, or unusual
 * speed, occupancy or travel time. A blocked lane slows the loop next to it within minutes, so
 * a sign counts from {@link #WINDOW} before the event and for as long as the event lasts. A
 * camera's own statistics do not confirm its own event: they are the same source.
 */
public final class Confirmation {

    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Set<Incident.Type> CAMERA_EVENTS = Set.of(
            Incident.Type.STALLED_VEHICLE, Incident.Type.WRONG_WAY, Incident.Type.ZONE_INTRUSION);
    private static final Set<String> TRAFFIC_METRICS = Set.of(
            "speed", "occupancy", "travel_time", "flow", "volume", "queue_length", "mean_speed");

    private Confirmation() {
    }

    /** Whether a condition says that traffic at its site has gone wrong. */
    public static boolean isTrafficSign(Condition c) {
        if (c.ofDevice() || c.device() == null) {
            return false;
        }
        return c.type() == Incident.Type.CONGESTION
                || (c.type() == Incident.Type.ANOMALY && c.metric() != null && TRAFFIC_METRICS.contains(c.metric()));
    }

    /** Whether a sign seen at {@code sign.at()} is recent enough to confirm an event that started at {@code eventAt}. */
    public static boolean recentEnough(Evidence sign, Instant eventAt) {
        return sign.at() != null && !sign.at().isBefore(eventAt.minus(WINDOW));
    }

    /** The incident keys (within a site) of the camera events a traffic sign may confirm. */
    public static String incidentKey(Incident.Type cameraEvent) {
        return "site/" + cameraEvent;
    }
}
