package vn.ioc.ingest.contract;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/** JSON for {@link Incident}; schema {@code schemas/incident.v1.json}. */
public final class IncidentCodec implements Codec<Incident> {

    @Override
    public Incident decode(TopicAddress address, byte[] payload, Instant receivedAt) throws InvalidMessageException {
        ObjectNode o = Json.object(Json.parse(payload, "an incident"), "an incident");
        String id = Json.id(o, "id");
        if (address != null && address.id() != null && !address.id().equals(id)) {
            throw InvalidMessageException.expected("'id' " + Topics.quote(address.id()) + " as in the topic", Topics.quote(id));
        }
        var lat = Json.optionalFinite(o, "lat");
        var lon = Json.optionalFinite(o, "lon");
        var value = Json.optionalFinite(o, "value");
        return new Incident(id,
                Json.enumValue(o, "type", Incident.Type.class),
                Json.enumValue(o, "severity", Incident.Severity.class),
                Json.enumValue(o, "status", Incident.Status.class),
                Json.optionalString(o, "site"), Json.optionalString(o, "device"), Json.optionalString(o, "metric"),
                lat.isPresent() ? lat.getAsDouble() : null, lon.isPresent() ? lon.getAsDouble() : null,
                Json.optionalString(o, "ward"),
                Json.time(o, "openedAt"), Json.time(o, "updatedAt"), Json.optionalTime(o, "closedAt"),
                value.isPresent() ? value.getAsDouble() : null,
                Json.optionalString(o, "summary"), Json.nonNegativeLong(o, "version"));
    }

    @Override
    public byte[] encode(Incident message) {
        return Json.write(message);
    }
}
