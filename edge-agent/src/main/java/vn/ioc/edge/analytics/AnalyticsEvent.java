package vn.ioc.edge.analytics;

import java.time.Instant;

import vn.ioc.ingest.contract.CameraEvent;

/**
 * A condition that began ({@code start}) or ended, at video time {@code seconds}.
 *
 * @param objectId the track, for track-level events
 * @param zone     the zone or lane id
 * @param reason   for CAMERA_TAMPER, the tamper reason's name
 */
public record AnalyticsEvent(double seconds, CameraEvent.Type type, boolean start,
                             String objectId, String zone, String reason) implements AnalyticsOutput {

    public CameraEvent.State state() {
        return start ? CameraEvent.State.START : CameraEvent.State.END;
    }

    /**
     * The event for the wire; the snapshot is left for the agent to add.
     *
     * @param videoStart the instant of video time 0
     */
    public CameraEvent toCameraEvent(String agent, long seq, String site, String camera, Instant videoStart) {
        return new CameraEvent(agent, seq, site, camera, IntervalStats.at(videoStart, seconds), type, state(),
                objectId, zone, reason, null);
    }
}
