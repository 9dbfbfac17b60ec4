package vn.ioc.ingest.contract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

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
        var confidence = Json.optionalFinite(o, "confidence");
        return new Incident(id,
                Json.enumValue(o, "type", Incident.Type.class),
                Json.enumValue(o, "severity", Incident.Severity.class),
                Json.enumValue(o, "status", Incident.Status.class),
                Json.optionalString(o, "site"), Json.optionalString(o, "device"), Json.optionalString(o, "metric"),
                lat.isPresent() ? lat.getAsDouble() : null, lon.isPresent() ? lon.getAsDouble() : null,
                Json.optionalString(o, "ward"),
                Json.time(o, "openedAt"), Json.time(o, "updatedAt"), Json.optionalTime(o, "closedAt"),
                value.isPresent() ? value.getAsDouble() : null,
                Json.optionalString(o, "summary"), Json.nonNegativeLong(o, "version"),
                confidence.isPresent() ? confidence.getAsDouble() : null, evidence(o));
    }

    private static List<Evidence> evidence(ObjectNode o) throws InvalidMessageException {
        JsonNode list = o.get("evidence");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw InvalidMessageException.expected("'evidence' to be an array", Json.describe(list));
        }
        List<Evidence> out = new ArrayList<>();
        for (JsonNode item : list) {
            ObjectNode e = Json.object(item, "an evidence entry");
            var value = Json.optionalFinite(e, "value");
            out.add(new Evidence(Json.enumValue(e, "kind", Evidence.Kind.class), Json.string(e, "source"),
                    Json.optionalString(e, "metric"), value.isPresent() ? value.getAsDouble() : null,
                    Json.optionalTime(e, "at"), Json.optionalString(e, "detail")));
        }
        return out;
    }

    @Override
    public byte[] encode(Incident message) {
        return Json.write(message);
    }
}
