package vn.ioc.streaming.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.contract.Report;
import vn.ioc.streaming.incident.IncidentChange;
import vn.ioc.streaming.incident.IncidentLifecycle;
import vn.ioc.streaming.report.ReportJoin;

/**
 * Joins citizens' reports to incidents in space and time, keyed by cell ({@link vn.ioc.streaming.report.Cells}).
 * Every incident change passes through here on its way to the stores: it leaves with the
 * reports linked so far, and a report that confirms an incident adds a change of its own
 * ("report linked") that raises the incident's confidence. A report with no incident near it
 * stays a report: nothing is emitted.
 *
 * <p>Both inputs are taken as they arrive: an incident must reach the operators at once, not
 * wait for the watermark (which stands still when every site is quiet, exactly when a jam
 * or a flood may have silenced them). Whether a report links to an incident depends only on
 * their event times and places, and either may come first: a report waits (until the watermark
 * passes its time plus the join's wait) for an incident that opens near it, and a cleared
 * incident is kept as long as a late report may still confirm it. So a replay links the same
 * reports; only the order of the "report linked" changes may differ. An incident's version
 * here is its detector's version plus the reports linked to it, which grows with both.
 */
final class JoinReports extends KeyedProcessFunction<String, CellInput, IncidentChange> {

    private final ReportJoin join;

    /** The cell's incidents as last published: open ones, and cleared ones while reports of them may still come. */
    private transient MapState<String, Incident> incidents;
    /** The cell's recent reports, while an incident may still open near them. */
    private transient MapState<String, Report> reports;
    private transient IncidentLifecycle lifecycle;
    private transient Counter linked;

    JoinReports(ReportJoin join) {
        this.join = join;
    }

    @Override
    public void open(OpenContext context) {
        var rc = getRuntimeContext();
        incidents = rc.getMapState(new MapStateDescriptor<>("cell-incidents", Types.STRING, TypeInformation.of(Incident.class)));
        reports = rc.getMapState(new MapStateDescriptor<>("cell-reports", Types.STRING, TypeInformation.of(Report.class)));
        lifecycle = new IncidentLifecycle(java.time.Duration.ZERO);
        linked = rc.getMetricGroup().counter("reportsLinked");
    }

    @Override
    public void processElement(CellInput in, Context ctx, Collector<IncidentChange> out) throws Exception {
        if (in.isReport()) {
            report(in.report(), ctx, out);
        } else {
            change(in.change(), ctx, out);
        }
    }

    /** Only expiry is event-timed: incidents and reports leave once nothing can join them any more. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IncidentChange> out) throws Exception {
        expire(timestamp);
    }

    /** A change from detection: published with the reports linked so far; a new incident looks for reports already here. */
    private void change(IncidentChange c, Context ctx, Collector<IncidentChange> out) throws Exception {
        Incident in = c.incident();
        if (!join.joinable(in.type())) {
            out.collect(c); // no report confirms a device offline or tampered: nothing to keep
            return;
        }
        Incident known = incidents.get(in.id());
        List<Evidence> reportsSoFar = known == null ? List.of()
                : known.evidence().stream().filter(e -> e.kind() == Evidence.Kind.REPORT).toList();
        Incident published = in;
        if (!reportsSoFar.isEmpty()) {
            List<Evidence> evidence = new ArrayList<>(in.evidence());
            evidence.addAll(reportsSoFar);
            published = in.withEvidence(vn.ioc.streaming.incident.Confidence.of(in.type(), evidence), evidence)
                    .withVersion(in.version() + reportsSoFar.size());
        }
        out.collect(new IncidentChange(published, c.action(), c.detail()));
        remember(published, ctx);
        if (known == null) {
            for (Report r : sorted(reports.values())) {
                link(r, ctx, out);
            }
        }
    }

    /** A citizen's report: it confirms the compatible incidents near it, and waits for one that opens soon. */
    private void report(Report r, Context ctx, Collector<IncidentChange> out) throws Exception {
        if (reports.contains(r.id())) {
            return; // delivered again
        }
        reports.put(r.id(), r);
        ctx.timerService().registerEventTimeTimer(r.time().plus(join.waitForIncident()).toEpochMilli());
        link(r, ctx, out);
    }

    /** Links a report to every incident of the cell it confirms and is not yet linked to. */
    private void link(Report r, Context ctx, Collector<IncidentChange> out) throws Exception {
        List<Incident> candidates = new ArrayList<>();
        for (Incident i : incidents.values()) {
            candidates.add(i);
        }
        candidates.sort(Comparator.comparing(Incident::id));
        for (Incident i : candidates) {
            OptionalDouble d = join.match(r, i);
            if (d.isEmpty()) {
                continue;
            }
            var t = lifecycle.corroborate(i, ReportJoin.evidence(r), r.time(), "report linked", ReportJoin.describe(r, d.getAsDouble()));
            if (t.change() != null) {
                linked.inc();
                out.collect(t.change());
                remember(t.open(), ctx);
            }
        }
    }

    /** Keeps an incident while it is open, and after it cleared as long as a late report may still confirm it. */
    private void remember(Incident i, Context ctx) throws Exception {
        incidents.put(i.id(), i);
        if (i.closedAt() != null) {
            ctx.timerService().registerEventTimeTimer(i.closedAt().plus(join.afterClear()).toEpochMilli());
        }
    }

    private void expire(long now) throws Exception {
        List<String> gone = new ArrayList<>();
        for (Map.Entry<String, Incident> e : incidents.entries()) {
            Instant closed = e.getValue().closedAt();
            if (closed != null && closed.plus(join.afterClear()).toEpochMilli() <= now) {
                gone.add(e.getKey());
            }
        }
        for (String id : gone) {
            incidents.remove(id);
        }
        gone.clear();
        for (Map.Entry<String, Report> e : reports.entries()) {
            if (e.getValue().time().plus(join.waitForIncident()).toEpochMilli() <= now) {
                gone.add(e.getKey());
            }
        }
        for (String id : gone) {
            reports.remove(id);
        }
    }

    private static List<Report> sorted(Iterable<Report> reports) {
        List<Report> out = new ArrayList<>();
        reports.forEach(out::add);
        out.sort(Comparator.comparing(Report::time).thenComparing(Report::id));
        return out;
    }
}
