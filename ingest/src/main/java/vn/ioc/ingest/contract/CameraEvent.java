package vn.ioc.ingest.contract;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something a camera saw ({@code ioc/v1/{site}/camera/{id}/event}). A condition that lasts
 * is sent twice: {@code START} when it begins and {@code END} (the all-clear) when it ends.
 *
 * @param objectId the tracked object, when the event is about one
 * @param zone     the configured zone or lane it happened in
 * @param reason   for {@code CAMERA_TAMPER}: BLACKOUT, FROZEN, BLUR or SCENE_CHANGE; for
 *                 {@code VIDEO_LOST}: why the stream stopped
 * @param snapshot the privacy-filtered snapshot taken at the time, as a {@code data:image/jpeg;base64,}
 *                 URI (RFC 2397), so the picture travels with the event through the agent's disk buffer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties({"site", "camera"})
public record CameraEvent(
        String agent, long seq, String site, String camera,
        Instant time, Type type, State state,
        String objectId, String zone, String reason, String snapshot) {

    /** {@code VIDEO_LOST}: the camera's stream dropped and the agent is reopening it (END when frames come again). */
    public enum Type { STALLED_VEHICLE, WRONG_WAY, ZONE_INTRUSION, CAMERA_TAMPER, VIDEO_LOST }

    public enum State { START, END }
}
