package vn.ioc.console.incident;

import java.time.Instant;
import java.util.List;

import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;

/**
 * An incident as the REST API and the WebSocket show it: the same shape in both places, with
 * every field present (null when unknown) so that clients need not guess. {@code evidence} lists
 * the devices and citizens' reports that showed it.
 */
public record IncidentView(
        String id, String type, String severity, String status, boolean active,
        String site, String device, String metric, Double lat, Double lon, String ward,
        Instant openedAt, Instant updatedAt, Instant closedAt,
        Double value, String summary, long version,
        Double confidence, List<Evidence> evidence) {

    public static IncidentView of(Incident i) {
        return new IncidentView(i.id(), i.type().name(), i.severity().name(), i.status().name(), i.status().isActive(),
                i.site(), i.device(), i.metric(), i.lat(), i.lon(), i.ward(),
                i.openedAt(), i.updatedAt(), i.closedAt(), i.value(), i.summary(), i.version(),
                i.confidence(), i.evidence());
    }
}
