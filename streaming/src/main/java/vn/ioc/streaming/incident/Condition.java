package vn.ioc.streaming.incident;

import java.time.Instant;

import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;

/**
 * A condition that holds at a site at a moment, as a detector sees it. {@code key} names the
 * condition within its site (device and incident type): one key is held by one device.
 *
 * <p>Conditions about the world (congestion, flooding, a stalled vehicle) that several
 * devices of a site see make one incident of the site; conditions about a device itself
 * ({@code ofDevice}: offline, tampered, stuck, drifting) stay one incident per device, because
 * each is a separate job for maintenance.
 *
 * @param source what kind of source showed it, for the incident's evidence
 */
public record Condition(
        String key, Incident.Type type, Incident.Severity severity,
        String device, String metric, Double value, Instant at, String summary,
        Evidence.Kind source, boolean ofDevice) {

    /** A sensor's condition about the world. */
    public Condition(String key, Incident.Type type, Incident.Severity severity,
                     String device, String metric, Double value, Instant at, String summary) {
        this(key, type, severity, device, metric, value, at, summary, Evidence.Kind.SENSOR, false);
    }

    /** The key of the incident this condition belongs to, within its site. */
    public String incidentKey() {
        return ofDevice ? key : "site/" + type;
    }

    /** This condition as a piece of evidence. */
    public Evidence evidence() {
        return new Evidence(source, device, metric, value, at, summary);
    }
}
