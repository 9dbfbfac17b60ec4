package vn.ioc.ingest.contract;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/** JSON for {@link Report}; schema {@code schemas/report.v1.json}. */
public final class ReportCodec implements Codec<Report> {

    /** Open311 clients are told the same limit; more is not a field report but a letter. */
    public static final int MAX_DESCRIPTION_CHARS = 2000;
    public static final int MAX_WARD_CHARS = 200;

    @Override
    public Report decode(TopicAddress address, byte[] payload, Instant receivedAt) throws InvalidMessageException {
        ObjectNode o = Json.object(Json.parse(payload, "a report"), "a report");
        String id = Json.id(o, "id");
        if (address != null && address.id() != null && !address.id().equals(id)) {
            throw InvalidMessageException.expected("'id' " + Topics.quote(address.id()) + " as in the topic", Topics.quote(id));
        }
        String category = Json.id(o, "category");
        double lat = Json.between(o, "lat", -90, 90);
        double lon = Json.between(o, "lon", -180, 180);
        Instant time = Json.time(o, "time");
        if (time.isAfter(receivedAt.plus(SenmlCodec.MAX_CLOCK_AHEAD))) {
            throw InvalidMessageException.expected("'time' no later than the time of arrival (is the console's clock ahead?)", time);
        }
        return new Report(id, category, lat, lon, time,
                Json.optionalText(o, "ward", MAX_WARD_CHARS), Json.optionalText(o, "description", MAX_DESCRIPTION_CHARS),
                Json.optionalId(o, "status"));
    }

    @Override
    public byte[] encode(Report message) {
        return Json.write(message);
    }
}
