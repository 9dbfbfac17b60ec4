package vn.ioc.streaming.job;

import vn.ioc.ingest.contract.Report;
import vn.ioc.streaming.incident.IncidentChange;

/**
 * What meets in one cell of the report join: an incident's change (in the cell of its place)
 * or a citizen's report (in every cell near it). Exactly one of {@code change} and
 * {@code report} is set; {@code time} orders them in event time.
 */
public record CellInput(String cell, long time, IncidentChange change, Report report) {

    static CellInput of(String cell, IncidentChange change) {
        return new CellInput(cell, change.incident().updatedAt().toEpochMilli(), change, null);
    }

    static CellInput of(String cell, Report report) {
        return new CellInput(cell, report.time().toEpochMilli(), null, report);
    }

    boolean isReport() {
        return report != null;
    }
}
