package vn.ioc.console.report;

import java.time.Instant;

/**
 * A citizen report as the operator map draws it. The description is the citizen's own text:
 * the map shows it as text only.
 *
 * @param id             the tracking code
 * @param publicCategory false for categories only agencies may see (the map still shows them to operators)
 * @param overdue        open and past its deadline
 */
public record ReportMarker(String id, String category, String categoryName, String categoryNameEn, boolean publicCategory,
                           String status, double lat, double lon, Instant requestedAt, Instant deadline, boolean overdue,
                           String ward, String agency, String agencyName, String description, String duplicateOf) {

    static ReportMarker of(FiledReport r, Instant now) {
        ReportCategory c = r.category();
        return new ReportMarker(r.id(), c.code(), c.nameVi(), c.nameEn(), c.isPublic(), r.status(), r.lat(), r.lon(),
                r.requestedAt(), r.deadline(), r.isOpen() && r.deadline() != null && r.deadline().isBefore(now),
                r.ward(), r.agency(), r.agencyName(), r.description(), r.duplicateOf());
    }
}
