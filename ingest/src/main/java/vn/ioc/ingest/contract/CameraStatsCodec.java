package vn.ioc.ingest.contract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON for {@link CameraStats}; schema {@code schemas/camera-stats.v1.json}. */
public final class CameraStatsCodec implements Codec<CameraStats> {

    private static final int MAX_ITEMS = 64;

    @Override
    public CameraStats decode(TopicAddress address, byte[] payload, Instant receivedAt) throws InvalidMessageException {
        ObjectNode o = Json.object(Json.parse(payload, "camera statistics"), "camera statistics");
        Instant start = Json.time(o, "start");
        Instant end = Json.time(o, "end");
        if (!end.isAfter(start)) {
            throw InvalidMessageException.expected("'end' after 'start' " + start, end);
        }
        if (end.isAfter(receivedAt.plus(SenmlCodec.MAX_CLOCK_AHEAD))) {
            throw InvalidMessageException.expected("'end' no later than the time of arrival (is the device clock ahead?)", end);
        }
        List<CameraStats.LineCount> lines = new ArrayList<>();
        for (JsonNode n : items(o, "lines")) {
            ObjectNode l = Json.object(n, "each of 'lines'");
            Map<String, Integer> counts = new LinkedHashMap<>();
            ObjectNode c = Json.object(l.get("counts"), "'counts'");
            for (Map.Entry<String, JsonNode> e : c.properties()) {
                JsonNode v = e.getValue();
                if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
                    throw InvalidMessageException.expected("count of '" + e.getKey() + "' to be a non-negative integer", Json.describe(v));
                }
                counts.put(e.getKey(), v.intValue());
            }
            lines.add(new CameraStats.LineCount(Json.id(l, "line"), Json.string(l, "direction"), counts));
        }
        List<CameraStats.LaneStats> lanes = new ArrayList<>();
        for (JsonNode n : items(o, "lanes")) {
            ObjectNode l = Json.object(n, "each of 'lanes'");
            var speed = Json.optionalFinite(l, "speedKmh");
            lanes.add(new CameraStats.LaneStats(
                    Json.id(l, "lane"),
                    Json.between(l, "occupancy", 0, 100),
                    Json.between(l, "present", 0, 10_000),
                    speed.isPresent() ? speed.getAsDouble() : null,
                    Json.between(l, "queueM", 0, 100_000),
                    (int) Json.between(l, "stopped", 0, 10_000)));
        }
        CameraStats.ImageHealth health = null;
        if (o.hasNonNull("health")) {
            ObjectNode h = Json.object(o.get("health"), "'health'");
            health = new CameraStats.ImageHealth(
                    Json.between(h, "brightness", 0, 1), Json.between(h, "sharpness", 0, 1),
                    Json.bool(h, "frozen"), Json.between(h, "fps", 0, 1000));
        }
        return new CameraStats(Json.id(o, "agent"), Json.nonNegativeLong(o, "seq"), address.site(), address.device(),
                start, end, lines, lanes, health);
    }

    private static List<JsonNode> items(ObjectNode o, String field) throws InvalidMessageException {
        JsonNode a = o.get(field);
        if (a == null || a.isNull()) {
            return List.of();
        }
        if (!a.isArray() || a.size() > MAX_ITEMS) {
            throw InvalidMessageException.expected("'" + field + "' to be an array of at most " + MAX_ITEMS, Json.describe(a));
        }
        List<JsonNode> out = new ArrayList<>();
        a.forEach(out::add);
        return out;
    }

    @Override
    public byte[] encode(CameraStats message) {
        return Json.write(message);
    }
}
