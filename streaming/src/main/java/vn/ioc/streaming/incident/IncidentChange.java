package vn.ioc.streaming.incident;

import vn.ioc.ingest.contract.Incident;

/** A new state of an incident and what happened to it (opened, escalated, updated, cleared), for the audit trail. */
public record IncidentChange(Incident incident, String action, String detail) {
}
