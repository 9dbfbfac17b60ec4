package vn.ioc.ingest.contract;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An incident as the stream job publishes it on {@code ioc/v1/incidents/{id}} and stores
 * it: one per condition, updated while the condition lasts. {@code version} grows with
 * every change so that a reader can drop an older state that arrives late.
 *
 * @param site     the edge site whose data raised it
 * @param device   the sensor or camera, null for a site-wide condition such as going offline
 * @param metric   the measured quantity, when a measurement raised it
 * @param ward     the ward or commune the place falls in, null when outside every known ward
 * @param value    the latest value that kept the condition alive
 * @param closedAt when it was cleared or resolved
 * @param confidence how sure the job is that the condition is real, in [0, 1]: it grows as
 *                   independent sources (a camera, another sensor, citizens) agree
 * @param evidence   the devices and reports that showed it, one entry per source
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Incident(
        String id, Type type, Severity severity, Status status,
        String site, String device, String metric,
        Double lat, Double lon, String ward,
        Instant openedAt, Instant updatedAt, Instant closedAt,
        Double value, String summary, long version,
        Double confidence, List<Evidence> evidence) {

    public Incident {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public enum Type {
        CONGESTION, DEVICE_OFFLINE, STALLED_VEHICLE, WRONG_WAY, ZONE_INTRUSION, CAMERA_TAMPER,
        FLOODING, AIR_QUALITY, ANOMALY, SENSOR_DRIFT
    }

    public enum Severity { LOW, MEDIUM, HIGH, CRITICAL }

    /** OPEN and ACKNOWLEDGED are active; CLEARED (the condition ended) and RESOLVED (an operator closed it) are closed. */
    public enum Status {
        OPEN, ACKNOWLEDGED, RESOLVED, CLEARED;

        public boolean isActive() {
            return this == OPEN || this == ACKNOWLEDGED;
        }
    }

    /** This incident with another state of its evidence. */
    public Incident withEvidence(Double newConfidence, List<Evidence> newEvidence) {
        return new Incident(id, type, severity, status, site, device, metric, lat, lon, ward, openedAt, updatedAt, closedAt,
                value, summary, version, newConfidence, newEvidence);
    }

    /** This incident as a later version. */
    public Incident withVersion(long newVersion) {
        return new Incident(id, type, severity, status, site, device, metric, lat, lon, ward, openedAt, updatedAt, closedAt,
                value, summary, newVersion, confidence, evidence);
    }
}
