package vn.ioc.console.agency;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.report.Agency;
import vn.ioc.console.report.ReportRepository;
import vn.ioc.console.security.AppUserRepository;
import vn.ioc.console.security.AppUserRepository.StaffPost;

/**
 * Whose queue the agency page shows: staff their own agency (and ward), supervisors and
 * administrators pick one of the agencies.
 */
@RestController
class AgencyPostController {

    /**
     * @param staff    whether the caller is agency staff, bound to their own queue
     * @param agency   the staff member's agency, null for supervisors and for staff of no agency
     * @param ward     the staff member's ward, for the ward People's Committees
     * @param agencies every agency a supervisor may choose
     */
    record Post(boolean staff, Agency agency, String ward, List<Agency> agencies) {
    }

    private final AppUserRepository users;
    /** The agencies as stored, with administrators' edits. */
    private final ReportRepository reports;

    AgencyPostController(AppUserRepository users, ReportRepository reports) {
        this.users = users;
        this.reports = reports;
    }

    @GetMapping("/api/agency/post")
    Post post(Authentication user) {
        if (!AgencyController.isStaff(user)) {
            return new Post(false, null, null, reports.agencies());
        }
        StaffPost post = users.post(user.getName());
        Agency agency = post.agency() == null ? null : reports.agency(post.agency()).orElse(null);
        return new Post(true, agency, post.ward(), agency == null ? List.of() : List.of(agency));
    }
}
