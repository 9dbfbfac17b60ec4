package vn.ioc.console.report;

import java.time.Instant;
import java.util.List;

/**
 * Which public reports to list: the given ids, or those filed in [start, end) of a category and
 * status when given; newest first, at most {@code limit}.
 */
public record ReportQuery(List<String> ids, String category, Instant start, Instant end, List<String> statuses, int limit) {
}
