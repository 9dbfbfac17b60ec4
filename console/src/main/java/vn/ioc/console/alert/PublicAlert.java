package vn.ioc.console.alert;

import java.time.Instant;

import vn.ioc.ingest.contract.Incident;

/**
 * An incident an operator made public, in the operator's words. It is in force while the
 * incident is active and the operator has not withdrawn it; after that it is published as
 * cancelled for a day, so that feed readers learn it is over.
 */
public record PublicAlert(Incident incident, String headline, String description, Instant publishedAt, String publishedBy,
                          Instant updatedAt, Instant withdrawnAt) {

    public boolean inForce() {
        return withdrawnAt == null && incident.status().isActive();
    }

    /** When it stopped being in force, or null while it is. */
    public Instant endedAt() {
        if (withdrawnAt != null) {
            return withdrawnAt;
        }
        return incident.status().isActive() ? null : incident.closedAt() != null ? incident.closedAt() : incident.updatedAt();
    }

    /** The last change readers should know of: the operator's words, or the end. */
    public Instant lastChange() {
        Instant end = endedAt();
        return end != null && end.isAfter(updatedAt) ? end : updatedAt;
    }
}
