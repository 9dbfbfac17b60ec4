package vn.ioc.console.incident;

import java.security.Principal;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import vn.ioc.console.camera.SnapshotRepository;
import vn.ioc.console.system.NotFoundException;
import vn.ioc.ingest.store.IncidentStore;

/**
 * The incidents of the operator console: the list, one incident with its audit trail, and the
 * operators' decisions (acknowledge, assign to an agency, resolve with a note). A decision that
 * does not apply to the incident's state (acknowledging a resolved one) is a 409 with the reason.
 */
@RestController
@RequestMapping("/api/incidents")
class IncidentController {

    static final int MAX_NOTE = 2000;

    private final IncidentRepository incidents;
    private final SnapshotRepository snapshots;
    private final ApplicationEventPublisher events;

    IncidentController(IncidentRepository incidents, SnapshotRepository snapshots, ApplicationEventPublisher events) {
        this.incidents = incidents;
        this.snapshots = snapshots;
        this.events = events;
    }

    @GetMapping
    List<IncidentView> list() {
        return incidents.activeOrRecent().stream().map(IncidentView::of).toList();
    }

    @GetMapping("/{id}")
    IncidentDetail show(@PathVariable String id) {
        var incident = incidents.find(id).orElseThrow(() -> new NotFoundException("no incident with id '" + id + "'"));
        var events = incidents.events(id).stream().map(IncidentDetail.Event::of).toList();
        return new IncidentDetail(IncidentView.of(incident), incidents.assignedAgency(id).orElse(null), events,
                incidents.linkedReports(id), snapshots.of(id).stream().map(IncidentDetail.Snapshot::of).toList());
    }

    /** The body of a decision: a note (required to resolve), an agency code (required to assign). */
    record DecisionRequest(String note, String agency) {
    }

    @PostMapping("/{id}/acknowledge")
    IncidentDetail acknowledge(@PathVariable String id, @RequestBody(required = false) DecisionRequest body, Principal operator) {
        return decide(id, IncidentStore.Decision.ACKNOWLEDGE, operator, null, note(body, false));
    }

    @PostMapping("/{id}/assign")
    IncidentDetail assign(@PathVariable String id, @RequestBody(required = false) DecisionRequest body, Principal operator) {
        String agency = body == null ? null : body.agency();
        if (agency == null || !agency.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "expected 'agency' to be an agency code (lower-case letters, digits and '-') but was " + quoted(agency));
        }
        return decide(id, IncidentStore.Decision.ASSIGN, operator, agency, note(body, false));
    }

    @PostMapping("/{id}/resolve")
    IncidentDetail resolve(@PathVariable String id, @RequestBody(required = false) DecisionRequest body, Principal operator) {
        return decide(id, IncidentStore.Decision.RESOLVE, operator, null, note(body, true));
    }

    private IncidentDetail decide(String id, IncidentStore.Decision decision, Principal operator, String agency, String note) {
        switch (incidents.decide(id, decision, operator.getName(), agency, note)) {
            case NOT_FOUND -> throw new NotFoundException("no incident with id '" + id + "'");
            case NOT_APPLICABLE -> throw new ResponseStatusException(HttpStatus.CONFLICT, "incident '" + id + "' is "
                    + incidents.find(id).map(i -> i.status().name()).orElse("gone") + ": it cannot be "
                    + decision.name().toLowerCase() + "d");
            case DONE -> {
                // the decision is stored: tell every console
            }
        }
        IncidentDetail detail = show(id);
        events.publishEvent(new IncidentChanged(detail.incident()));
        return detail;
    }

    private static String note(DecisionRequest body, boolean required) {
        String note = body == null ? null : body.note();
        if (note != null && note.length() > MAX_NOTE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "expected a note of at most " + MAX_NOTE + " characters but it has "
                    + note.length());
        }
        if (required && (note == null || note.isBlank())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "expected a 'note' saying how the incident was resolved");
        }
        return note == null || note.isBlank() ? null : note.strip();
    }

    private static String quoted(String s) {
        return s == null ? "nothing" : "'" + s + "'";
    }
}
