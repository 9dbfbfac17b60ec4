package vn.ioc.console.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * The control room's figures, in the manner of Hue-S: what is open now, how fast incidents are
 * taken up and resolved, and whether each agency answers citizens within its deadlines.
 *
 * @param since the start of the period the means and the report counts cover
 */
public record Dashboard(Instant since, List<Count> openByType, List<Count> openByWard,
                        Mean timeToAcknowledge, Mean timeToResolve, List<AgencyReports> reportsByAgency) {

    public record Count(String key, long count) {
    }

    /** A mean over {@code incidents} incidents; null minutes when there were none. */
    public record Mean(Double minutes, long incidents) {
    }

    /**
     * One agency's reports of the period: answered within the deadline, late (answered after it,
     * or still open past it: an overdue open report counts as late), and open within the deadline.
     */
    public record AgencyReports(String agency, String name, long onTime, long late, long pending) {
    }
}
