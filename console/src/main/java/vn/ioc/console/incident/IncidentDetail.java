package vn.ioc.console.incident;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import vn.ioc.console.camera.SnapshotRepository;
import vn.ioc.ingest.store.IncidentStore;

/**
 * One incident with its audit trail (who changed what, when), the agency it was handed to, if
 * any, the citizens' reports joined to it and the camera pictures kept of it.
 */
record IncidentDetail(@JsonUnwrapped IncidentView incident, String assignedAgency, List<Event> events,
                      List<LinkedReport> reports, List<Snapshot> snapshots) {

    record Event(Instant at, String actor, String action, String detail) {

        static Event of(IncidentStore.Event e) {
            return new Event(e.at(), e.actor(), e.action(), e.detail());
        }
    }

    /**
     * A citizen's report joined to the incident; {@code description} is the citizen's text, to be
     * shown as text. Category and status are null when the report is not in this database.
     */
    record LinkedReport(String code, String category, String categoryVi, String categoryEn, String status, String description,
                        Instant requestedAt) {
    }

    /** A camera picture of the incident, served at {@code /api/incidents/{id}/snapshot.jpg?camera=…}. */
    record Snapshot(String site, String camera, Instant takenAt, String source) {

        static Snapshot of(SnapshotRepository.Kept k) {
            return new Snapshot(k.site(), k.camera(), k.takenAt(), k.source().name());
        }
    }
}
