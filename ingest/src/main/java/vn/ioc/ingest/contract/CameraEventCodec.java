package vn.ioc.ingest.contract;

import java.time.Instant;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

/** JSON for {@link CameraEvent}; schema {@code schemas/camera-event.v1.json}. */
public final class CameraEventCodec implements Codec<CameraEvent> {

    public static final String SNAPSHOT_PREFIX = "data:image/jpeg;base64,";
    /** About 220 KB of JPEG: a snapshot is a reduced, filtered picture, not the camera's full frame. */
    public static final int MAX_SNAPSHOT_CHARS = 300_000;
    private static final Set<String> TAMPER_REASONS = Set.of("BLACKOUT", "FROZEN", "BLUR", "SCENE_CHANGE");
    public static final int MAX_REASON_CHARS = 200;

    @Override
    public CameraEvent decode(TopicAddress address, byte[] payload, Instant receivedAt) throws InvalidMessageException {
        ObjectNode o = Json.object(Json.parseWithPicture(payload, "a camera event"), "a camera event");
        Instant time = Json.time(o, "time");
        if (time.isAfter(receivedAt.plus(SenmlCodec.MAX_CLOCK_AHEAD))) {
            throw InvalidMessageException.expected("'time' no later than the time of arrival (is the device clock ahead?)", time);
        }
        CameraEvent.Type type = Json.enumValue(o, "type", CameraEvent.Type.class);
        String reason = Json.optionalString(o, "reason");
        if (type == CameraEvent.Type.CAMERA_TAMPER && (reason == null || !TAMPER_REASONS.contains(reason))) {
            throw InvalidMessageException.expected("a 'reason' for CAMERA_TAMPER (BLACKOUT, FROZEN, BLUR, SCENE_CHANGE)",
                    reason == null ? "none" : Topics.quote(reason));
        }
        if (reason != null && reason.length() > MAX_REASON_CHARS) {
            throw InvalidMessageException.expected("a 'reason' of at most " + MAX_REASON_CHARS + " characters", reason.length() + "");
        }
        String snapshot = Json.optionalString(o, "snapshot");
        if (snapshot != null && (!snapshot.startsWith(SNAPSHOT_PREFIX) || snapshot.length() > MAX_SNAPSHOT_CHARS)) {
            throw InvalidMessageException.expected("'snapshot' to be a " + SNAPSHOT_PREFIX + " URI of at most "
                    + MAX_SNAPSHOT_CHARS + " characters", snapshot.length() + " characters starting "
                    + Topics.quote(snapshot.substring(0, Math.min(24, snapshot.length()))));
        }
        return new CameraEvent(Json.id(o, "agent"), Json.nonNegativeLong(o, "seq"), address.site(), address.device(),
                time, type, Json.enumValue(o, "state", CameraEvent.State.class),
                Json.optionalString(o, "objectId"), Json.optionalString(o, "zone"), reason, snapshot);
    }

    @Override
    public byte[] encode(CameraEvent message) {
        return Json.write(message);
    }
}
