package vn.ioc.console.agency;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.report.Agency;
import vn.ioc.console.report.FiledReport;
import vn.ioc.console.report.ReportProgress;
import vn.ioc.console.report.ReportRepository;
import vn.ioc.console.report.TrackingCode;
import vn.ioc.console.security.AppUserRepository;
import vn.ioc.console.security.AppUserRepository.StaffPost;
import vn.ioc.console.system.BadRequestException;
import vn.ioc.console.system.ForbiddenException;

/**
 * Agency staff work their queue: the reports routed to their agency (and ward, for the ward
 * People's Committees), and answer them. Supervisors and administrators may look at any queue
 * and answer any report.
 */
@RestController
@RequestMapping("/api/agency")
class AgencyController {

    record AnswerRequest(String notes, Boolean close) {
    }

    private final ReportProgress progress;
    private final AppUserRepository users;
    private final Clock clock;
    private final ReportRepository reports;

    AgencyController(ReportProgress progress, ReportRepository reports, AppUserRepository users, Clock clock) {
        this.progress = progress;
        this.reports = reports;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/queue")
    List<QueueItem> queue(Authentication user, @RequestParam(required = false) String agency, @RequestParam(required = false) String ward) {
        StaffPost post;
        if (isStaff(user)) {
            post = users.post(user.getName());
            if ((agency != null && !agency.equals(post.agency())) || (ward != null && !ward.equals(post.ward()))) {
                throw new ForbiddenException("staff see only their own agency's queue");
            }
        } else if (agency == null) {
            throw new BadRequestException("agency is required");
        } else {
            post = new StaffPost(agency, ward);
        }
        if (post.agency() == null) {
            return List.of();
        }
        Instant now = clock.instant();
        List<FiledReport> queue = progress.queue(post.agency(), post.ward()).stream()
                .filter(r -> !isStaff(user) || covers(post, r))
                .toList();
        var duplicates = reports.duplicatesOf(queue.stream().map(FiledReport::id).toList());
        return queue.stream().map(r -> QueueItem.of(r, now, duplicates.getOrDefault(r.id(), List.of()))).toList();
    }

    @PostMapping("/reports/{id}/answer")
    QueueItem answer(Authentication user, @PathVariable String id, @RequestBody AnswerRequest answer) {
        StaffPost post = isStaff(user) ? users.post(user.getName()) : null;
        FiledReport answered = progress.answer(TrackingCode.normalize(id), user.getName(), r -> post == null || covers(post, r),
                answer.notes(), Boolean.TRUE.equals(answer.close()));
        return QueueItem.of(answered, clock.instant());
    }

    static boolean isStaff(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_AGENCY"));
    }

    /** Whether the report is in this member of staff's queue; ward staff without a ward have none. */
    static boolean covers(StaffPost post, FiledReport r) {
        return post.agency() != null && post.agency().equals(r.agency())
                && (r.agencyScope() != Agency.Scope.WARD || (post.ward() != null && Objects.equals(post.ward(), r.ward())));
    }
}
