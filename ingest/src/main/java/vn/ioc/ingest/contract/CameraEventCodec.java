package vn.ioc.ingest.contract;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/** JSON for {@link CameraEvent}; schema {@code schemas/camera-event.v1.json}. */
public final class CameraEventCodec implements Codec<CameraEvent> {

    @Override
    public CameraEvent decode(TopicAddress address, byte[] payload, Instant receivedAt) throws InvalidMessageException {
        ObjectNode o = Json.object(Json.parse(payload, "a camera event"), "a camera event");
        Instant time = Json.time(o, "time");
        if (time.isAfter(receivedAt.plus(SenmlCodec.MAX_CLOCK_AHEAD))) {
            throw InvalidMessageException.expected("'time' no later than the time of arrival (is the device clock ahead?)", time);
        }
        CameraEvent.Type type = Json.enumValue(o, "type", CameraEvent.Type.class);
        String reason = Json.optionalString(o, "reason");
        if (type == CameraEvent.Type.CAMERA_TAMPER && reason == null) {
            throw InvalidMessageException.expected("a 'reason' for CAMERA_TAMPER (BLACKOUT, FROZEN, BLUR, SCENE_CHANGE)", "none");
        }
        return new CameraEvent(Json.id(o, "agent"), Json.nonNegativeLong(o, "seq"), address.site(), address.device(),
                time, type, Json.enumValue(o, "state", CameraEvent.State.class),
                Json.optionalString(o, "objectId"), Json.optionalString(o, "zone"), reason, Json.optionalString(o, "snapshot"));
    }

    @Override
    public byte[] encode(CameraEvent message) {
        return Json.write(message);
    }
}
