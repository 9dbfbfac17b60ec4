package vn.ioc.console.report;

import java.time.Instant;

/**
 * Where a report goes: the agency's queue (for a ward-scoped agency, the queue of {@code ward})
 * and when it must be answered.
 *
 * @param ward the ward or commune the report's point falls in; null outside every known ward
 */
public record Routing(String agency, String ward, Instant deadline) {
}
