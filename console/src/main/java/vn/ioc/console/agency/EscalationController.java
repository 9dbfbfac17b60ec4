package vn.ioc.console.agency;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.report.ReportEscalation;
import vn.ioc.console.report.TrackingCode;
import vn.ioc.console.system.BadRequestException;
import vn.ioc.console.system.ForbiddenException;

/**
 * Supervisors' list of escalated reports (overdue and not yet handled), and what they do with
 * one: hand it to another agency or give its agency more time, each with a note in its history.
 */
@RestController
@RequestMapping("/api/agency")
class EscalationController {

    record Reassign(String agency, String note) {
    }

    /** @param deadline ISO-8601 with an offset, e.g. {@code 2026-12-31T17:00:00+07:00} */
    record Extend(String deadline, String note) {
    }

    private final ReportEscalation escalation;
    private final Clock clock;

    EscalationController(ReportEscalation escalation, Clock clock) {
        this.escalation = escalation;
        this.clock = clock;
    }

    @GetMapping("/escalated")
    List<QueueItem> escalated(Authentication user) {
        supervisor(user);
        Instant now = clock.instant();
        return escalation.escalated().stream().map(r -> QueueItem.of(r, now)).toList();
    }

    @PostMapping("/reports/{id}/reassign")
    QueueItem reassign(Authentication user, @PathVariable String id, @RequestBody Reassign request) {
        supervisor(user);
        return QueueItem.of(escalation.reassign(TrackingCode.normalize(id), user.getName(), request.agency(), request.note()), clock.instant());
    }

    @PostMapping("/reports/{id}/extend")
    QueueItem extend(Authentication user, @PathVariable String id, @RequestBody Extend request) {
        supervisor(user);
        return QueueItem.of(escalation.extend(TrackingCode.normalize(id), user.getName(), instant(request.deadline()), request.note()),
                clock.instant());
    }

    private static void supervisor(Authentication user) {
        if (AgencyController.isStaff(user)) {
            throw new ForbiddenException("only supervisors and administrators handle escalated reports");
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException("deadline must be ISO-8601 with an offset, e.g. 2026-12-31T17:00:00+07:00, but was '" + text + "'");
        }
    }
}
