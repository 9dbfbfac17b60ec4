package vn.ioc.console.alert;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import vn.ioc.console.incident.IncidentRepository;
import vn.ioc.console.system.NotFoundException;

/** Operators make an incident a public alert, reword it, or withdraw it. */
@RestController
class AlertController {

    static final int MAX_HEADLINE = 160;
    static final int MAX_DESCRIPTION = 2000;

    private final AlertRepository alerts;
    private final IncidentRepository incidents;

    AlertController(AlertRepository alerts, IncidentRepository incidents) {
        this.alerts = alerts;
        this.incidents = incidents;
    }

    /** What the public reads: a short headline and what to do. */
    record AlertRequest(String headline, String description) {
    }

    @PostMapping("/api/incidents/{id}/public-alert")
    ResponseEntity<Void> publish(@PathVariable String id, @RequestBody(required = false) AlertRequest body, Principal operator) {
        var incident = incidents.find(id).orElseThrow(() -> new NotFoundException("no incident with id '" + id + "'"));
        if (!incident.status().isActive()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "incident '" + id + "' is " + incident.status()
                    + ": only an active incident can be made a public alert");
        }
        String headline = text(body == null ? null : body.headline(), "headline", MAX_HEADLINE);
        String description = text(body == null ? null : body.description(), "description", MAX_DESCRIPTION);
        alerts.publish(id, headline, description, operator.getName());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/incidents/{id}/public-alert")
    ResponseEntity<Void> withdraw(@PathVariable String id) {
        if (!alerts.withdraw(id)) {
            throw new NotFoundException("incident '" + id + "' has no public alert in force");
        }
        return ResponseEntity.noContent().build();
    }

    private static String text(String s, String field, int max) {
        if (s == null || s.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "expected a '" + field + "' for the public");
        }
        if (s.length() > max) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "expected a '" + field + "' of at most " + max
                    + " characters but it has " + s.length());
        }
        return s.strip();
    }
}
