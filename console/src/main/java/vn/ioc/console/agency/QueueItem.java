package vn.ioc.console.agency;

import java.time.Instant;

import vn.ioc.console.report.FiledReport;

/**
 * A report in an agency's queue.
 *
 * @param id      the tracking code
 * @param overdue   open and past its deadline
 * @param escalated overdue and sent to the supervisors, who have not handled it yet
 * @param duplicates the later reports of the same thing linked to this one, shown so that one answer serves them all
 */
record QueueItem(String id, Category category, String description, String address, String ward, double lat, double lon,
                 String status, String statusNotes, Instant deadline, boolean overdue, String duplicateOf, Instant requestedAt,
                 Instant closedAt, boolean escalated, String agency, java.util.List<String> duplicates) {

    record Category(String code, String nameVi) {
    }

    static QueueItem of(FiledReport r, Instant now) {
        return of(r, now, java.util.List.of());
    }

    static QueueItem of(FiledReport r, Instant now, java.util.List<String> duplicates) {
        return new QueueItem(r.id(), new Category(r.category().code(), r.category().nameVi()), r.description(), r.address(),
                r.ward(), r.lat(), r.lon(), r.status(), r.statusNotes(), r.deadline(), r.isOpen() && now.isAfter(r.deadline()),
                r.duplicateOf(), r.requestedAt(), r.closedAt(), r.isOpen() && r.escalatedAt() != null, r.agency(),
                duplicates);
    }
}
