package vn.ioc.ingest.contract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON for {@link SiteStatus}; schema {@code schemas/site-status.v1.json}. */
public final class SiteStatusCodec implements Codec<SiteStatus> {

    private static final int MAX_DEVICES = 256;

    @Override
    public SiteStatus decode(TopicAddress address, byte[] payload, Instant receivedAt) throws InvalidMessageException {
        ObjectNode o = Json.object(Json.parse(payload, "a site status"), "a site status");
        String agent = Json.id(o, "agent");
        boolean online = Json.bool(o, "online");
        Instant time = Json.optionalTime(o, "time");
        String reason = Json.optionalString(o, "reason");
        if (!online) {
            return new SiteStatus(agent, address.site(), false, time, reason, null, null, null, List.of());
        }
        if (time == null) {
            throw InvalidMessageException.expected("a 'time' in a birth message", "none");
        }
        JsonNode devs = o.get("devices");
        if (devs == null || !devs.isArray() || devs.size() > MAX_DEVICES) {
            throw InvalidMessageException.expected("'devices' to be an array of at most " + MAX_DEVICES, Json.describe(devs));
        }
        List<SiteStatus.Device> devices = new ArrayList<>();
        for (JsonNode d : devs) {
            ObjectNode dev = Json.object(d, "each of 'devices'");
            devices.add(new SiteStatus.Device(Json.id(dev, "id"), Json.enumValue(dev, "kind", SiteStatus.Kind.class),
                    Json.id(dev, "type"), dev.has("public") && Json.bool(dev, "public")));
        }
        return new SiteStatus(agent, address.site(), true, time, reason, Json.optionalString(o, "name"),
                Json.between(o, "lat", -90, 90), Json.between(o, "lon", -180, 180), devices);
    }

    @Override
    public byte[] encode(SiteStatus message) {
        return Json.write(message);
    }
}
