package vn.ioc.console.report;

import java.time.Instant;

/** One step in a report's history (table {@code report_event}); actor is "citizen", "system" or a username. */
public record ReportEvent(Instant at, String actor, String action, String detail) {
}
