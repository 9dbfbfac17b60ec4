package vn.ioc.console.reportmap;

import java.time.Instant;

/**
 * A report as the public map shows it: what Open311 already shows of a public category's report,
 * less its tracking code (the citizen's key to rate and reopen it) and the photos (whose addresses
 * carry that code). The description and answer are citizens' and staff's text, shown as text.
 *
 * @param answeredAt when the agency last answered or closed it, or null
 */
record MapReport(double lat, double lon, String category, String categoryVi, String categoryEn, String status,
                 String ward, String agencyVi, String agencyEn, String description, String answer, Instant answeredAt,
                 Instant requestedAt) {
}
