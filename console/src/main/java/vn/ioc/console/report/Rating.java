package vn.ioc.console.report;

import java.time.Instant;

/** The citizen's rating of a closed report: 1 to 5 stars and an optional comment. */
public record Rating(int stars, String comment, Instant ratedAt) {
}
