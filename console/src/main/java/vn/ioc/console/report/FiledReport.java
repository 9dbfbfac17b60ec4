package vn.ioc.console.report;

import java.time.Instant;

/**
 * A stored report with what the public may see of its category and agency. It carries no contact
 * details: those are read only where an agency works on the report.
 *
 * @param duplicateOf the earlier report this one repeats, or null
 * @param closedAt    when it was last closed, or null
 * @param reopenedAt  when the citizen reopened it (once only), or null
 * @param escalatedAt when it was escalated to the supervisors for being overdue, until they handled it; else null
 */
public record FiledReport(String id, ReportCategory category, String agencyName, Agency.Scope agencyScope,
                          double lat, double lon, String ward, String agency, String description, String address,
                          String status, String statusNotes, Instant deadline, String duplicateOf, String mediaUrl,
                          Instant requestedAt, Instant updatedAt, Instant closedAt, Instant reopenedAt,
                          Instant escalatedAt) {

    public boolean isOpen() {
        return "open".equals(status);
    }
}
