package vn.ioc.console.followup;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import vn.ioc.console.photo.Photo;
import vn.ioc.console.report.Agency;
import vn.ioc.console.report.FiledReport;
import vn.ioc.console.report.Rating;
import vn.ioc.console.report.ReportEvent;
import vn.ioc.console.report.ReportProgress.Followed;

/**
 * A report as its citizen sees it, on the page and as JSON: no contact details, no staff
 * usernames (steps name the agency) and no other report's tracking code.
 *
 * @param deadlineLocal the deadline in Huế's time, as the page shows it
 */
record PublicReportView(String id, Category category, String agency, String ward, String description, String address,
                        String status, String answer, Instant deadline, String deadlineLocal, boolean overdue,
                        Instant requestedAt, List<Step> steps, RatingView rating, boolean canRate, boolean canReopen,
                        List<String> photos) {

    static final ZoneId HUE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(HUE);
    static final String CITIZEN = "Người dân / Citizen";
    static final String SYSTEM = "Hệ thống / System";

    record Category(String code, String name, String nameEn) {
    }

    /**
     * One step of the report's history; by is who took it, in words, and actor whether that was
     * the citizen, the system or the agency (the page names the first two in the reader's language).
     */
    record Step(Instant at, String atLocal, String action, String label, String actor, String by, String detail) {
    }

    record RatingView(int stars, String comment) {
    }

    static PublicReportView of(Followed f) {
        return of(f, List.of());
    }

    /** @param photos the numbers of the report's photos, shown by their public URLs */
    static PublicReportView of(Followed f, List<Integer> photos) {
        FiledReport r = f.report();
        String agency = r.agencyScope() == Agency.Scope.WARD && r.ward() != null ? r.agencyName() + " – " + r.ward() : r.agencyName();
        List<Step> steps = f.events().stream().map(e -> step(e, agency)).toList();
        RatingView rating = f.rating().map(PublicReportView::rating).orElse(null);
        return new PublicReportView(r.id(), new Category(r.category().code(), r.category().nameVi(), r.category().nameEn()), agency, r.ward(), r.description(),
                r.address(), r.status(), r.statusNotes(), r.deadline(), LOCAL.format(r.deadline()),
                r.isOpen() && f.now().isAfter(r.deadline()), r.requestedAt(), steps, rating, !r.isOpen(), f.reopenable(),
                photos.stream().map(n -> Photo.path(r.id(), n)).toList());
    }

    private static RatingView rating(Rating r) {
        return new RatingView(r.stars(), r.comment());
    }

    private static Step step(ReportEvent e, String agency) {
        String at = LOCAL.format(e.at());
        return switch (e.action()) {
            case "filed" -> new Step(e.at(), at, e.action(), "Đã tiếp nhận / Filed", "citizen", CITIZEN, "Chuyển đến / Sent to " + agency);
            // the detail names the other report, whose code is its own citizen's secret
            case "duplicate" -> new Step(e.at(), at, e.action(), "Gộp với phản ánh trùng / Linked as a duplicate", "system", SYSTEM, null);
            case "answered" -> new Step(e.at(), at, e.action(), "Cơ quan trả lời / Answered", "agency", agency, e.detail());
            case "closed" -> new Step(e.at(), at, e.action(), "Đã xử lý xong / Closed", "agency", agency, e.detail());
            case "reopened" -> new Step(e.at(), at, e.action(), "Người dân mở lại / Reopened", "citizen", CITIZEN, e.detail());
            case "rated" -> new Step(e.at(), at, e.action(), "Người dân đánh giá / Rated", "citizen", CITIZEN, e.detail());
            default -> new Step(e.at(), at, e.action(), e.action(), actor(e.actor()), by(e.actor(), agency), null);
        };
    }

    private static String actor(String actor) {
        return "citizen".equals(actor) || "system".equals(actor) ? actor : "agency";
    }

    private static String by(String actor, String agency) {
        return switch (actor) {
            case "citizen" -> CITIZEN;
            case "system" -> SYSTEM;
            default -> agency;
        };
    }
}
