package vn.ioc.streaming.report;

import java.util.OptionalDouble;

import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.contract.Report;

/**
 * Whether a citizen's report confirms an incident: a compatible category (a flooded-street
 * report and a water-level alert, a congestion report and a speed drop), near enough, and
 * filed while the incident was open or shortly around it ({@link ReportJoinRules}).
 */
public final class ReportJoin implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final ReportJoinRules rules;

    public ReportJoin(ReportJoinRules rules) {
        this.rules = rules;
    }

    /** Whether reports of this category can confirm anything, and so need joining at all. */
    public boolean joinable(Report r) {
        return rules.category(r.category()) != null;
    }

    /** Whether any report can confirm incidents of this type; others pass the join untouched. */
    public boolean joinable(Incident.Type type) {
        return rules.confirms(type);
    }

    /** The join radius of the report's category, in metres; 0 for a category that joins nothing. */
    public double radiusMetres(Report r) {
        ReportJoinRules.Category c = rules.category(r.category());
        return c == null ? 0 : c.radiusMetres();
    }

    /** The distance in metres from the report to the incident when the report confirms it, else empty. */
    public OptionalDouble match(Report r, Incident i) {
        ReportJoinRules.Category c = rules.category(r.category());
        if (c == null || !c.types().contains(i.type()) || i.lat() == null || i.lon() == null) {
            return OptionalDouble.empty();
        }
        if (r.time().isBefore(i.openedAt().minus(rules.before()))) {
            return OptionalDouble.empty();
        }
        if (i.closedAt() != null && r.time().isAfter(i.closedAt().plus(rules.after()))) {
            return OptionalDouble.empty();
        }
        double d = Distance.metres(r.lat(), r.lon(), i.lat(), i.lon());
        return d <= c.radiusMetres() ? OptionalDouble.of(d) : OptionalDouble.empty();
    }

    /** How long a report may wait in a cell for an incident to open near it. */
    public java.time.Duration waitForIncident() {
        return rules.before();
    }

    /** How long a cleared incident may still gain reports. */
    public java.time.Duration afterClear() {
        return rules.after();
    }

    public static Evidence evidence(Report r) {
        return new Evidence(Evidence.Kind.REPORT, r.id(), null, null, r.time(), r.category());
    }

    public static String describe(Report r, double metres) {
        return "citizen report " + r.id() + " (" + r.category() + ", " + Math.round(metres) + " m away)";
    }
}
