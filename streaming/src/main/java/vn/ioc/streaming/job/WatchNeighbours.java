package vn.ioc.streaming.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import vn.ioc.streaming.detect.DriftDetector;
import vn.ioc.streaming.detect.DriftRule;
import vn.ioc.streaming.detect.DriftState;
import vn.ioc.streaming.detect.NeighbourHours;
import vn.ioc.streaming.incident.Condition;
import vn.ioc.streaming.incident.IncidentChange;
import vn.ioc.streaming.incident.IncidentLifecycle;
import vn.ioc.streaming.incident.Place;

/**
 * The devices of one neighbourhood ({@link PlacedReading#neighbourhood()}: one metric, one cell),
 * keyed by it: each device's readings are summed per comparison period, and once the watermark
 * has passed a period's end the devices are set against each other ({@link NeighbourHours}) and
 * each is judged by {@link DriftDetector}; a drift is one SENSOR_DRIFT incident of the device. A
 * device known to drift is judged but is no one's neighbour until it is back in line.
 *
 * <p>A period is complete on event time alone, so a device that stops reporting holds back no
 * one: it is just not in the periods it missed. A reading at or behind the watermark comes too
 * late for its period and is counted ({@code lateReadings}) and dropped. A period's sums are freed
 * when it is judged; each device's detector state, last place and open incident are kept while it
 * reports and dropped once untouched for the state time-to-live (an open incident of a device
 * gone that long stays in the store until someone resolves it).
 */
public final class WatchNeighbours extends KeyedProcessFunction<String, PlacedReading, IncidentChange> {

    /** Flink's own types for the states: plain records, whose lists Flink 2 serializes without falling back on Kryo. */
    static final TypeInformation<DriftState> DRIFT_STATE = TypeInformation.of(DriftState.class);
    static final TypeInformation<Incident> INCIDENT = TypeInformation.of(Incident.class);

    private final DetectionOptions options;

    /** Per period start and device: the device's sum over that period, until the period is judged. */
    private transient MapState<String, NeighbourHours.Sum> sums;
    /** Per device (site/device: ids are only unique within a site): its latest reading, for its site, place and type. */
    private transient MapState<String, PlacedReading> devices;
    private transient MapState<String, DriftState> detectors;
    private transient MapState<String, Incident> open;
    private transient IncidentLifecycle lifecycle;
    private transient Counter late;
    /** Incidents opened, updated or cleared here, as sent on. */
    private transient Counter incidentChanges;

    public WatchNeighbours(DetectionOptions options) {
        this.options = options;
    }

    static MapStateDescriptor<String, NeighbourHours.Sum> sumsState(Duration ttl) {
        return DetectorStates.dropUnused(new MapStateDescriptor<>("drift-sums", Types.STRING, TypeInformation.of(NeighbourHours.Sum.class)),
                ttl, false);
    }

    static MapStateDescriptor<String, PlacedReading> devicesState(Duration ttl) {
        return DetectorStates.dropUnused(new MapStateDescriptor<>("drift-devices", Types.STRING, TypeInformation.of(PlacedReading.class)),
                ttl, false);
    }

    static MapStateDescriptor<String, DriftState> detectorsState(Duration ttl) {
        return DetectorStates.dropUnused(new MapStateDescriptor<>("drift-detectors", Types.STRING, DRIFT_STATE), ttl, false);
    }

    static MapStateDescriptor<String, Incident> openState(Duration ttl) {
        return DetectorStates.dropUnused(new MapStateDescriptor<>("drift-incidents", Types.STRING, INCIDENT), ttl, false);
    }

    @Override
    public void open(OpenContext context) {
        var rc = getRuntimeContext();
        sums = rc.getMapState(sumsState(options.stateTtl()));
        devices = rc.getMapState(devicesState(options.stateTtl()));
        detectors = rc.getMapState(detectorsState(options.stateTtl()));
        open = rc.getMapState(openState(options.stateTtl()));
        lifecycle = new IncidentLifecycle(options.updateEvery());
        late = rc.getMetricGroup().counter("lateReadings");
        incidentChanges = rc.getMetricGroup().counter("incidentChanges");
    }

    @Override
    public void processElement(PlacedReading r, Context ctx, Collector<IncidentChange> out) throws Exception {
        if (r.time() <= ctx.timerService().currentWatermark()) {
            late.inc(); // its period may already be judged
            return;
        }
        DriftRule rule = rule(r.deviceType(), r.metric());
        if (rule == null || !Double.isFinite(r.value())) {
            return;
        }
        String id = r.deviceId();
        devices.put(id, r);
        NeighbourHours.Sum first = NeighbourHours.first(id, r.time(), rule.period(), r.value());
        String key = first.start() + "/" + first.end() + "/" + id;
        NeighbourHours.Sum sum = sums.get(key);
        sums.put(key, sum == null ? first : sum.plus(r.value()));
        ctx.timerService().registerEventTimeTimer(first.end() - 1); // complete once nothing at or before its last instant can come
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IncidentChange> out) throws Exception {
        List<String> keys = new ArrayList<>();
        List<NeighbourHours.Sum> due = new ArrayList<>();
        for (Map.Entry<String, NeighbourHours.Sum> e : sums.entries()) {
            if (e.getValue().end() - 1 <= timestamp) {
                keys.add(e.getKey());
                due.add(e.getValue());
            }
        }
        for (String k : keys) {
            sums.remove(k);
        }
        Set<String> drifting = new HashSet<>();
        for (NeighbourHours.Sum sum : due) {
            DriftState s = detectors.get(sum.device());
            if (s != null && s.drifting()) {
                drifting.add(sum.device());
            }
        }
        for (NeighbourHours.Comparison c : NeighbourHours.compare(due, drifting)) {
            judge(c, out);
        }
    }

    private void judge(NeighbourHours.Comparison c, Collector<IncidentChange> out) throws Exception {
        PlacedReading device = devices.get(c.device());
        DriftRule rule = device == null ? null : rule(device.deviceType(), device.metric());
        if (rule == null) {
            return;
        }
        DriftState s = detectors.get(c.device());
        DriftDetector.Step step = DriftDetector.step(rule, s == null ? DriftState.EMPTY : s, c.mean(), c.others(),
                Instant.ofEpochMilli(c.start()));
        detectors.put(c.device(), step.state());
        Instant at = Instant.ofEpochMilli(c.end());
        switch (step.signal()) {
            case STARTED, HOLDS -> {
                Place place = new Place(device.site(), null, device.lat(), device.lon(), null);
                Condition condition = new Condition(device.device() + "/" + rule.metric() + "/drift", rule.type(), rule.severity(),
                        device.device(), rule.metric(), step.departure(), at, rule.describe(step), Evidence.Kind.SENSOR, true);
                apply(c.device(), lifecycle.holds(open.get(c.device()), place, condition), out);
            }
            case ENDED -> apply(c.device(), lifecycle.ends(open.get(c.device()), at, rule.metric() + " back in line with its neighbours"),
                    out);
            case RECOVERING, NONE -> {
                // a drift on its way back keeps its incident as it is
            }
        }
    }

    private void apply(String device, IncidentLifecycle.Transition t, Collector<IncidentChange> out) throws Exception {
        if (t.open() == null) {
            open.remove(device);
        } else {
            open.put(device, t.open());
        }
        if (t.change() != null) {
            incidentChanges.inc();
            out.collect(t.change());
        }
    }

    private DriftRule rule(String deviceType, String metric) {
        for (DriftRule r : options.rules().driftFor(deviceType)) {
            if (r.metric().equals(metric)) {
                return r;
            }
        }
        return null;
    }
}
