package vn.ioc.console.incident;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import vn.ioc.ingest.store.IncidentStore;

/** One incident with its audit trail (who changed what, when) and the agency it was handed to, if any. */
record IncidentDetail(@JsonUnwrapped IncidentView incident, String assignedAgency, List<Event> events) {

    record Event(Instant at, String actor, String action, String detail) {

        static Event of(IncidentStore.Event e) {
            return new Event(e.at(), e.actor(), e.action(), e.detail());
        }
    }
}
