package vn.ioc.console.report;

/** A category as stored (administrators may have edited it since it was seeded), with its agency's name. */
public record CategoryEntry(ReportCategory category, String agencyName, Agency.Scope agencyScope, boolean active) {
}
