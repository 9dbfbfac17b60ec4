package vn.ioc.streaming.incident;

import java.time.Instant;

import vn.ioc.ingest.contract.Incident;

/**
 * A condition that holds at a site at a moment, as a detector sees it. {@code key} names the
 * condition within its site (device and incident type): one key, one incident at a time.
 */
public record Condition(
        String key, Incident.Type type, Incident.Severity severity,
        String device, String metric, Double value, Instant at, String summary) {
}
