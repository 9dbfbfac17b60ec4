package vn.ioc.streaming.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ioc.ingest.contract.CameraEvent;
import vn.ioc.ingest.contract.CameraEventCodec;
import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.contract.InvalidMessageException;
import vn.ioc.ingest.contract.Observation;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.SiteStatusCodec;
import vn.ioc.ingest.contract.TopicAddress;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.geo.Ward;
import vn.ioc.ingest.geo.WardMap;
import vn.ioc.streaming.anomaly.AnomalyDetector;
import vn.ioc.streaming.detect.AirQualityDetector;
import vn.ioc.streaming.detect.AirQualityState;
import vn.ioc.streaming.detect.AirQualityWatch;
import vn.ioc.streaming.detect.AnomalyRule;
import vn.ioc.streaming.detect.CongestionDetector;
import vn.ioc.streaming.detect.CongestionState;
import vn.ioc.streaming.detect.CongestionWatch;
import vn.ioc.streaming.detect.DetectorRules;
import vn.ioc.streaming.detect.FlatLineDetector;
import vn.ioc.streaming.detect.FlatLineRule;
import vn.ioc.streaming.detect.FlatLineState;
import vn.ioc.streaming.detect.FloodDetector;
import vn.ioc.streaming.detect.FloodRule;
import vn.ioc.streaming.detect.FloodState;
import vn.ioc.streaming.detect.HourlyAqi;
import vn.ioc.streaming.detect.MissingDataDetector;
import vn.ioc.streaming.detect.MissingDataRule;
import vn.ioc.streaming.detect.MissingDataState;
import vn.ioc.streaming.detect.MissingDataWatch;
import vn.ioc.streaming.detect.RateOfChangeDetector;
import vn.ioc.streaming.detect.RateOfChangeRule;
import vn.ioc.streaming.detect.RateOfChangeState;
import vn.ioc.streaming.detect.ThresholdDetector;
import vn.ioc.streaming.detect.ThresholdRule;
import vn.ioc.streaming.detect.ThresholdState;
import vn.ioc.streaming.detect.TrafficReading;
import vn.ioc.streaming.incident.Condition;
import vn.ioc.streaming.incident.Confirmation;
import vn.ioc.streaming.incident.IncidentChange;
import vn.ioc.streaming.incident.IncidentLifecycle;
import vn.ioc.streaming.incident.Place;

/**
 * Everything the job knows about one site, keyed by site: where it is and what it carries
 * (from its birth message), the detectors of each of its devices' metrics ({@link DetectorStates}),
 * whether it is online, and its open incidents. Observations are held until the watermark passes
 * them and then run through the detectors in event-time order; status messages and camera events
 * apply on arrival.
 * Silence is judged on the wall clock: a processing-time timer per site.
 *
 * <p>The decisions are made by plain classes ({@link ThresholdDetector} and the other detectors of
 * {@code vn.ioc.streaming.detect}, {@link AnomalyDetector}, {@link IncidentLifecycle}); this class
 * keeps their state and timers. A device's conditions of one type (a loop's slow speed, high
 * occupancy and jam against the usual) make one incident.
 */
final class MonitorSite extends KeyedProcessFunction<String, SiteInput, IncidentChange> {

    static final OutputTag<SiteUpdate> SITE_UPDATES = new OutputTag<>("site-updates") {
    };
    static final String OFFLINE_KEY = "site/DEVICE_OFFLINE";
    static final String SILENT = "silent";
    private static final Logger log = LoggerFactory.getLogger(MonitorSite.class);

    /** The site as last heard. */
    public record Profile(String name, Double lat, Double lon, String ward, boolean online, String offlineReason) {
    }

    private final DetectionOptions options;

    private transient ValueState<Profile> profile;
    private transient MapState<String, String> deviceTypes;
    private transient MapState<String, ThresholdState> detectors;
    private transient MapState<String, AnomalyDetector> anomalies;
    private transient MapState<String, FlatLineState> flatLines;
    private transient MapState<String, FloodState> floods;
    private transient MapState<String, AirQualityState> airs;
    private transient MapState<String, RateOfChangeState> rates;
    private transient MapState<String, CongestionState> congestions;
    /** Per device/metric/rule: whether readings still come, learned from their spacing. */
    private transient MapState<String, MissingDataState> silences;
    /** Per incident key (see {@link Condition#incidentKey()}): the open incident. */
    private transient MapState<String, Incident> open;
    /** Per incident key: the conditions holding it, comma-separated; the incident clears when the last one ends. */
    private transient MapState<String, String> members;
    /** Per condition key: the rules currently holding it, comma-separated. */
    private transient MapState<String, String> holding;
    /** Per device: whether it is a camera (its readings are the camera's statistics). */
    private transient MapState<String, Boolean> cameras;
    /** Per sensor: the last time it showed traffic going wrong, to confirm a camera's event. */
    private transient MapState<String, Evidence> trafficSigns;
    private transient ListState<SiteInput> pending;
    private transient ValueState<Long> lastActivity;
    private transient ValueState<Long> silenceTimer;
    private transient ValueState<Long> lastSeenWritten;

    private transient IncidentLifecycle lifecycle;
    /** The timer service of the call under way, for detectors that ask to be woken. */
    private transient org.apache.flink.streaming.api.TimerService timers;
    private transient WardMap wards;
    private transient SiteStatusCodec statusCodec;
    private transient CameraEventCodec eventCodec;
    private transient Counter late;
    /** Incidents opened, updated or cleared here, as sent on. */
    private transient Counter incidentChanges;

    MonitorSite(DetectionOptions options) {
        this.options = options;
    }

    @Override
    public void open(OpenContext context) {
        var rc = getRuntimeContext();
        profile = rc.getState(new ValueStateDescriptor<>("profile", TypeInformation.of(Profile.class)));
        deviceTypes = rc.getMapState(DetectorStates.deviceTypesState(options.stateTtl()));
        detectors = rc.getMapState(DetectorStates.detectorsState(options.stateTtl()));
        anomalies = rc.getMapState(DetectorStates.anomaliesState(options.stateTtl()));
        flatLines = rc.getMapState(DetectorStates.flatLinesState(options.stateTtl()));
        silences = rc.getMapState(DetectorStates.silencesState(options.stateTtl()));
        floods = rc.getMapState(DetectorStates.floodsState(options.stateTtl()));
        airs = rc.getMapState(DetectorStates.airState(options.stateTtl()));
        rates = rc.getMapState(DetectorStates.ratesState(options.stateTtl()));
        congestions = rc.getMapState(DetectorStates.congestionsState(options.stateTtl()));
        open = rc.getMapState(new MapStateDescriptor<>("open-incidents", Types.STRING, TypeInformation.of(Incident.class)));
        holding = rc.getMapState(DetectorStates.holdingState(options.stateTtl()));
        members = rc.getMapState(new MapStateDescriptor<>("incident-members", Types.STRING, Types.STRING));
        cameras = rc.getMapState(DetectorStates.camerasState(options.stateTtl()));
        trafficSigns = rc.getMapState(DetectorStates.trafficSignsState(options.stateTtl()));
        pending = rc.getListState(new ListStateDescriptor<>("pending", TypeInformation.of(SiteInput.class)));
        lastActivity = rc.getState(new ValueStateDescriptor<>("last-activity", Types.LONG));
        silenceTimer = rc.getState(new ValueStateDescriptor<>("silence-timer", Types.LONG));
        lastSeenWritten = rc.getState(new ValueStateDescriptor<>("last-seen-written", Types.LONG));
        lifecycle = new IncidentLifecycle(options.updateEvery());
        wards = WardMap.hue();
        statusCodec = new SiteStatusCodec();
        eventCodec = new CameraEventCodec();
        late = rc.getMetricGroup().counter("lateObservations");
        incidentChanges = rc.getMetricGroup().counter("incidentChanges");
    }

    @Override
    public void processElement(SiteInput in, Context ctx, Collector<IncidentChange> out) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        if (!in.isObservation()) {
            handleMessage(in, now, ctx, out);
            return;
        }
        activity(now, ctx, out, Instant.ofEpochMilli(in.eventTime()));
        if (in.eventTime() <= ctx.timerService().currentWatermark()) {
            late.inc(); // stored by the observation sink, but too late to be put in order for detection
            return;
        }
        pending.add(in);
        ctx.timerService().registerEventTimeTimer(in.eventTime());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IncidentChange> out) throws Exception {
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            checkSilence(timestamp, ctx, out);
            return;
        }
        List<SiteInput> due = new ArrayList<>();
        List<SiteInput> later = new ArrayList<>();
        for (SiteInput i : pending.get()) {
            (i.eventTime() <= timestamp ? due : later).add(i);
        }
        pending.update(later);
        due.sort(Comparator.comparingLong(SiteInput::eventTime));
        timers = ctx.timerService();
        for (SiteInput i : due) {
            String type = deviceTypes.get(i.observation().device()); // looked up once: state access costs with RocksDB
            detect(i.observation(), type, ctx.getCurrentKey(), out);
            toNeighbours(i.observation(), type, ctx);
        }
        checkSilences(timestamp, ctx.getCurrentKey(), out);
    }

    /** A reading a drift rule watches goes on, with its site's place, to be compared with its neighbours'. */
    private void toNeighbours(Observation o, String type, OnTimerContext ctx) throws Exception {
        if (!DriftWiring.watched(options.rules(), type, o.metric())) {
            return;
        }
        Profile p = profile.value();
        if (p == null || p.lat() == null || p.lon() == null) {
            return; // a site not yet placed has no neighbours
        }
        ctx.output(DriftWiring.PLACED_READINGS, new PlacedReading(o.site(), o.device(), type, o.metric(), p.lat(), p.lon(),
                o.time().toEpochMilli(), o.value()));
    }

    /** One reading through every rule of its device's type that watches its metric, in the order of the rules' kinds. */
    private void detect(Observation o, String type, String site, Collector<IncidentChange> out) throws Exception {
        DetectorRules rules = options.rules();
        for (ThresholdRule rule : rules.forType(type)) {
            if (rule.metric().equals(o.metric())) {
                ThresholdDetector.Step step = threshold(o.device() + "/" + o.metric() + "/" + rule.id(), rule, o.value(), o);
                signal(step.signal(), site, o, rule.id(), sensed(o, o.device() + "/" + rule.type(), rule.type(),
                        rule.severityAt(o.value()), o.value(), rule.describe(o.value()), false), out);
            }
        }
        for (CongestionWatch watch : rules.congestionFor(type)) {
            congestion(watch, o, site, out);
        }
        for (RateOfChangeRule rule : rules.rateRulesFor(type)) {
            if (rule.metric().equals(o.metric())) {
                rateOfChange(rule, o, site, out);
            }
        }
        for (AirQualityWatch watch : rules.airQualityFor(type)) {
            airQuality(watch, o, site, out);
        }
        for (FloodRule rule : rules.floodRulesFor(type)) {
            if (rule.metric().equals(o.metric())) {
                flood(rule, o, site, out);
            }
        }
        for (MissingDataWatch watch : rules.missingDataFor(type)) {
            if (watch.metric().equals(o.metric())) {
                readingArrived(watch, o, site, out);
            }
        }
        for (FlatLineRule rule : rules.flatLineRulesFor(type)) {
            if (rule.metric().equals(o.metric())) {
                flatLine(rule, o, site, out);
            }
        }
        for (AnomalyRule rule : rules.anomalyRulesFor(type)) {
            if (rule.metric().equals(o.metric())) {
                anomaly(rule, o, site, out);
            }
        }
    }

    private void congestion(CongestionWatch watch, Observation o, String site, Collector<IncidentChange> out) throws Exception {
        TrafficReading reading = watch.reading(o.metric(), o.value());
        if (reading == null) {
            return;
        }
        String detectorKey = o.device() + "/profile/" + watch.rule().id();
        CongestionState s = congestions.get(detectorKey);
        CongestionDetector.Step step = CongestionDetector.step(watch.rule(), s == null ? CongestionState.initial(watch.rule()) : s,
                reading, o.time());
        congestions.put(detectorKey, step.state());
        signal(step.signal(), site, o, watch.rule().id(), sensed(o, o.device() + "/" + Incident.Type.CONGESTION,
                Incident.Type.CONGESTION, step.severity(watch.rule()), o.value(), step.describe(watch.rule(), reading), false), out);
    }

    private void rateOfChange(RateOfChangeRule rule, Observation o, String site, Collector<IncidentChange> out) throws Exception {
        String detectorKey = o.device() + "/" + o.metric() + "/" + rule.id();
        RateOfChangeState s = rates.get(detectorKey);
        RateOfChangeDetector.Step step = RateOfChangeDetector.step(rule, s == null ? RateOfChangeState.NORMAL : s, o.value(), o.time());
        rates.put(detectorKey, step.state());
        signal(step.signal(), site, o, rule.id(), sensed(o, o.device() + "/" + rule.type(), rule.type(), rule.severity(),
                o.value(), rule.describe(step.ratePerHour()), false), out);
    }

    private void airQuality(AirQualityWatch watch, Observation o, String site, Collector<IncidentChange> out) throws Exception {
        String pollutant = watch.pollutant(o.metric());
        if (pollutant == null || o.value() < 0) { // a negative concentration is the sensor's fault: not judged
            return;
        }
        String detectorKey = o.device() + "/air/" + watch.rule().id();
        AirQualityState s = airs.get(detectorKey);
        AirQualityDetector.Step step = AirQualityDetector.step(watch.rule(), s == null ? AirQualityState.EMPTY : s, pollutant,
                o.value(), o.time());
        airs.put(detectorKey, step.state());
        HourlyAqi aqi = step.aqi();
        Incident.Severity severity = aqi == null ? Incident.Severity.LOW : aqi.band().severity().orElse(Incident.Severity.LOW);
        signal(step.signal().withoutBands(), site, o, watch.rule().id(), sensed(o, o.device() + "/" + Incident.Type.AIR_QUALITY,
                Incident.Type.AIR_QUALITY, severity, aqi == null ? o.value() : (double) aqi.aqi(),
                aqi == null ? "VN_AQI" : aqi.describe(), false), out);
    }

    private void flood(FloodRule rule, Observation o, String site, Collector<IncidentChange> out) throws Exception {
        String detectorKey = o.device() + "/" + o.metric() + "/" + rule.id();
        FloodState s = floods.get(detectorKey);
        FloodDetector.Step step = FloodDetector.step(rule, s == null ? FloodState.NORMAL : s, o.value(), o.time());
        floods.put(detectorKey, step.state());
        Incident.Severity severity = step.state().severity() != null ? step.state().severity() : Incident.Severity.LOW;
        signal(step.signal().withoutBands(), site, o, rule.id(), sensed(o, o.device() + "/" + Incident.Type.FLOODING, Incident.Type.FLOODING,
                severity, o.value(), rule.describe(o.value(), step.risePerHour()), false), out);
    }

    /** A reading of a watched metric: it ends a silence, teaches the usual spacing, and sets the next check. */
    private void readingArrived(MissingDataWatch watch, Observation o, String site, Collector<IncidentChange> out) throws Exception {
        String detectorKey = o.device() + "/" + o.metric() + "/" + watch.rule().id();
        MissingDataState s = silences.get(detectorKey);
        MissingDataDetector.Step step = MissingDataDetector.step(watch.rule(), s == null ? MissingDataState.EMPTY : s, o.time());
        silences.put(detectorKey, step.state());
        signal(step.signal(), site, o, watch.rule().id(), missingCondition(o.device(), o.metric(), watch.rule(), step.state(), o.time(),
                kindOf(o.device())), out);
        Instant due = MissingDataDetector.dueAt(watch.rule(), step.state());
        if (due != null) {
            timers.registerEventTimeTimer(due.toEpochMilli() + 1); // silent strictly after it is due
        }
    }

    private void flatLine(FlatLineRule rule, Observation o, String site, Collector<IncidentChange> out) throws Exception {
        String detectorKey = o.device() + "/" + o.metric() + "/" + rule.id();
        FlatLineState s = flatLines.get(detectorKey);
        FlatLineDetector.Step step = FlatLineDetector.step(rule, s == null ? FlatLineState.EMPTY : s, o.value(), o.time());
        flatLines.put(detectorKey, step.state());
        // a stuck sensor is its own condition, apart from unusual values of the same device
        signal(step.signal(), site, o, rule.id(), sensed(o, o.device() + "/" + o.metric() + "/stuck", rule.type(), rule.severity(),
                o.value(), rule.describe(step.state()), true), out);
    }

    private void anomaly(AnomalyRule rule, Observation o, String site, Collector<IncidentChange> out) throws Exception {
        String detectorKey = o.device() + "/" + o.metric() + "/" + rule.id();
        AnomalyDetector detector = anomalies.get(detectorKey);
        if (detector == null) {
            detector = rule.newDetector();
        }
        double score = detector.score(o.time().toEpochMilli(), o.value());
        anomalies.put(detectorKey, detector); // the same object on the heap; written back for RocksDB and the TTL
        ThresholdDetector.Step step = threshold(detectorKey, rule.onAlarms(), detector.alarmed() ? 1 : 0, o);
        signal(step.signal(), site, o, rule.id(), sensed(o, o.device() + "/" + Incident.Type.ANOMALY, Incident.Type.ANOMALY,
                rule.severity(), o.value(), rule.describe(o.value(), score), false), out);
    }


    private static Condition missingCondition(String device, String metric, MissingDataRule rule, MissingDataState s, Instant at,
                                              Evidence.Kind kind) {
        return new Condition(device + "/" + metric + "/missing", rule.type(), rule.severity(), device, metric, null, at,
                "no " + metric + " from " + device + ": " + rule.describe(s), kind, true);
    }

    /** A condition a device's reading shows; {@code ofDevice} when it is about the device itself. */
    private Condition sensed(Observation o, String key, Incident.Type type, Incident.Severity severity, Double value, String summary,
                             boolean ofDevice) throws Exception {
        return new Condition(key, type, severity, o.device(), o.metric(), value, o.time(), summary, kindOf(o.device()), ofDevice);
    }

    private Evidence.Kind kindOf(String device) throws Exception {
        return Boolean.TRUE.equals(cameras.get(device)) ? Evidence.Kind.CAMERA : Evidence.Kind.SENSOR;
    }

    /** Event time reached {@code now}: the watched series that have gone silent by then. */
    private void checkSilences(long now, String site, Collector<IncidentChange> out) throws Exception {
        List<Map.Entry<String, MissingDataState>> entries = new ArrayList<>();
        for (Map.Entry<String, MissingDataState> e : silences.entries()) {
            entries.add(Map.entry(e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, MissingDataState> e : entries) {
            String[] parts = e.getKey().split("/", 3); // device/metric/rule
            if (parts.length < 3) {
                continue;
            }
            for (MissingDataWatch watch : options.rules().missingDataFor(deviceTypes.get(parts[0]))) {
                if (!watch.metric().equals(parts[1]) || !watch.rule().id().equals(parts[2])) {
                    continue;
                }
                MissingDataDetector.Step step = MissingDataDetector.check(watch.rule(), e.getValue(), Instant.ofEpochMilli(now));
                if (step.signal() == ThresholdDetector.Signal.STARTED) {
                    silences.put(e.getKey(), step.state());
                    Condition c = missingCondition(parts[0], parts[1], watch.rule(), step.state(), Instant.ofEpochMilli(now),
                            kindOf(parts[0]));
                    setHolding(c.key(), watch.rule().id(), true);
                    hold(c, site, out);
                }
            }
        }
    }

    private ThresholdDetector.Step threshold(String detectorKey, ThresholdRule rule, double value, Observation o) throws Exception {
        ThresholdState s = detectors.get(detectorKey);
        ThresholdDetector.Step step = ThresholdDetector.step(rule, s == null ? ThresholdState.NORMAL : s, value, o.time());
        detectors.put(detectorKey, step.state());
        return step;
    }

    /** What a rule's step means for its condition, and so for the condition's incident. */
    private void signal(ThresholdDetector.Signal signal, String site, Observation o, String ruleId, Condition c,
                        Collector<IncidentChange> out) throws Exception {
        switch (signal) {
            case STARTED, HOLDS -> {
                setHolding(c.key(), ruleId, true);
                hold(c, site, out);
            }
            case ENDED -> {
                if (setHolding(c.key(), ruleId, false)) {
                    release(c, o.time(), o.device() + " " + o.metric() + " back to normal", out);
                }
            }
            case RECOVERING, NONE -> {
                // a recovering value keeps the incident open without changing what it reports
            }
        }
    }

    /**
     * A condition holds: its incident (shared with the site's other devices seeing the same) is
     * opened or updated, and a traffic sign confirms the site's camera events.
     */
    private void hold(Condition c, String site, Collector<IncidentChange> out) throws Exception {
        String key = c.incidentKey();
        setMember(key, c.key(), true);
        apply(key, lifecycle.holds(open.get(key), place(site), c), out);
        if (Confirmation.isTrafficSign(c)) {
            Evidence sign = c.evidence();
            trafficSigns.put(c.device(), sign);
            for (Incident.Type event : Confirmation.CAMERA_EVENTS) {
                String eventKey = Confirmation.incidentKey(event);
                apply(eventKey, lifecycle.corroborate(open.get(eventKey), sign, c.at(), "confirmed",
                        "confirmed by " + c.device() + ": " + c.summary()), out);
            }
        }
    }

    /** A condition ended: its incident clears when no other condition holds it. */
    private void release(Condition c, Instant at, String detail, Collector<IncidentChange> out) throws Exception {
        String key = c.incidentKey();
        if (setMember(key, c.key(), false)) {
            apply(key, lifecycle.ends(open.get(key), at, detail), out);
        }
    }

    /** Records whether a condition holds an incident; returns true when none does any more. */
    private boolean setMember(String incidentKey, String conditionKey, boolean holds) throws Exception {
        return updateSet(members, incidentKey, conditionKey, holds);
    }

    /** Records whether a rule holds a condition; returns true when no rule holds it any more. */
    private boolean setHolding(String key, String ruleId, boolean holds) throws Exception {
        return updateSet(holding, key, ruleId, holds);
    }

    /**
     * Adds {@code member} to (or removes it from) the comma-separated set under {@code key};
     * returns true when the set is empty afterwards, and then drops it. Written only when it changed.
     */
    private static boolean updateSet(MapState<String, String> sets, String key, String member, boolean in) throws Exception {
        String current = sets.get(key);
        Set<String> set = new HashSet<>(current == null || current.isEmpty() ? List.of() : List.of(current.split(",")));
        if (in ? !set.add(member) : !set.remove(member)) {
            return set.isEmpty();
        }
        if (set.isEmpty()) {
            sets.remove(key);
            return true;
        }
        sets.put(key, String.join(",", set.stream().sorted().toList()));
        return false;
    }

    private void apply(String key, IncidentLifecycle.Transition t, Collector<IncidentChange> out) throws Exception {
        if (t.open() == null) {
            open.remove(key);
        } else {
            open.put(key, t.open());
        }
        if (t.change() != null) {
            incidentChanges.inc();
            out.collect(t.change());
        }
    }

    private void handleMessage(SiteInput in, long now, Context ctx, Collector<IncidentChange> out) throws Exception {
        String site = in.site();
        try {
            TopicAddress address = Topics.parse(in.message().topic());
            switch (address.kind()) {
                case SITE_STATUS -> {
                    SiteStatus s = statusCodec.decode(address, in.message().payload(), Instant.ofEpochMilli(now));
                    Instant at = Instant.ofEpochMilli(in.eventTime());
                    if (s.online()) {
                        birth(site, s, in.message().payload(), at, now, ctx, out);
                    } else {
                        offline(site, s.reason() == null ? "offline" : s.reason(), at, ctx, out);
                    }
                }
                case CAMERA_EVENT -> cameraEvent(eventCodec.decode(address, in.message().payload(), Instant.ofEpochMilli(now)),
                        site, now, ctx, out);
                default -> log.warn("Site {}: unexpected message on {}", site, in.message().topic());
            }
        } catch (InvalidMessageException e) {
            log.warn("Site {}: message on {} no longer decodes: {}", site, in.message().topic(), e.getMessage()); // validated upstream
        }
    }

    private void birth(String site, SiteStatus s, byte[] payload, Instant at, long now, Context ctx, Collector<IncidentChange> out) throws Exception {
        String ward = wards.locate(s.lat(), s.lon()).map(Ward::name).orElse(null);
        profile.update(new Profile(s.name(), s.lat(), s.lon(), ward, true, null));
        deviceTypes.clear();
        cameras.clear();
        for (SiteStatus.Device d : s.devices()) {
            deviceTypes.put(d.id(), d.type());
            if (d.kind() == SiteStatus.Kind.CAMERA) {
                cameras.put(d.id(), true);
            }
        }
        ctx.output(SITE_UPDATES, SiteUpdate.birth(site, at, payload, ward));
        apply(OFFLINE_KEY, lifecycle.ends(open.get(OFFLINE_KEY), at, "site back online"), out);
        markActive(now, ctx);
    }

    private void offline(String site, String reason, Instant at, Context ctx, Collector<IncidentChange> out) throws Exception {
        Profile p = profile.value();
        if (p != null && !p.online() && open.contains(OFFLINE_KEY)) {
            return; // already offline
        }
        if (p != null) {
            profile.update(new Profile(p.name(), p.lat(), p.lon(), p.ward(), false, reason));
        }
        ctx.output(SITE_UPDATES, SiteUpdate.of(site, SiteUpdate.Kind.OFFLINE, at, reason));
        Incident.Severity severity = "shutdown".equals(reason) ? Incident.Severity.LOW : Incident.Severity.MEDIUM;
        String summary = "site " + site + " offline: " + reason;
        apply(OFFLINE_KEY, lifecycle.holds(open.get(OFFLINE_KEY), place(site),
                new Condition(OFFLINE_KEY, Incident.Type.DEVICE_OFFLINE, severity, null, null, null, at, summary,
                        Evidence.Kind.SENSOR, true)), out);
    }

    private void cameraEvent(CameraEvent e, String site, long now, Context ctx, Collector<IncidentChange> out) throws Exception {
        // a camera whose stream dropped is a device gone dark, like a silent site
        Incident.Type type = e.type() == CameraEvent.Type.VIDEO_LOST ? Incident.Type.DEVICE_OFFLINE : Incident.Type.valueOf(e.type().name());
        String key = e.camera() + "/" + type;
        if (e.state() == CameraEvent.State.START) {
            String summary = e.type() == CameraEvent.Type.VIDEO_LOST
                    ? "camera " + e.camera() + " video lost" + (e.reason() != null ? ": " + e.reason() : "")
                    : type.name().toLowerCase().replace('_', ' ') + (e.zone() != null ? " in " + e.zone() : "")
                            + (e.reason() != null ? " (" + e.reason().toLowerCase() + ")" : "");
            Incident.Severity severity = type == Incident.Type.WRONG_WAY ? Incident.Severity.HIGH : Incident.Severity.MEDIUM;
            Condition c = new Condition(key, type, severity, e.camera(), null, null, e.time(), summary, Evidence.Kind.CAMERA,
                    !Confirmation.CAMERA_EVENTS.contains(type));
            hold(c, site, out);
            if (Confirmation.CAMERA_EVENTS.contains(type)) {
                confirmFromSigns(c, out);
            }
        } else {
            release(new Condition(key, type, Incident.Severity.LOW, e.camera(), null, null, e.time(), null, Evidence.Kind.CAMERA,
                    !Confirmation.CAMERA_EVENTS.contains(type)), e.time(), "all clear from " + e.camera(), out);
        }
        activity(now, ctx, out, e.time());
    }

    /** A camera event just started: the site's sensors that showed traffic going wrong shortly before confirm it. */
    private void confirmFromSigns(Condition event, Collector<IncidentChange> out) throws Exception {
        String key = event.incidentKey();
        List<Evidence> signs = new ArrayList<>();
        for (Map.Entry<String, Evidence> e : trafficSigns.entries()) {
            if (!e.getKey().equals(event.device()) && Confirmation.recentEnough(e.getValue(), event.at())) {
                signs.add(e.getValue());
            }
        }
        signs.sort(Comparator.comparing(Evidence::source));
        for (Evidence sign : signs) {
            apply(key, lifecycle.corroborate(open.get(key), sign, event.at(), "confirmed",
                    "confirmed by " + sign.source() + ": " + sign.detail()), out);
        }
    }

    /** Data arrived: the site is alive. Brings a silent site back and keeps one silence timer armed. */
    private void activity(long now, Context ctx, Collector<IncidentChange> out, Instant at) throws Exception {
        Profile p = profile.value();
        if (p != null && !p.online() && SILENT.equals(p.offlineReason())) {
            profile.update(new Profile(p.name(), p.lat(), p.lon(), p.ward(), true, null));
            ctx.output(SITE_UPDATES, SiteUpdate.of(ctx.getCurrentKey(), SiteUpdate.Kind.ONLINE, at, null));
            apply(OFFLINE_KEY, lifecycle.ends(open.get(OFFLINE_KEY), at, "data arrives again"), out);
        }
        markActive(now, ctx);
        Long written = lastSeenWritten.value();
        if (written == null || now - written >= options.seenEvery().toMillis()) {
            lastSeenWritten.update(now);
            ctx.output(SITE_UPDATES, SiteUpdate.of(ctx.getCurrentKey(), SiteUpdate.Kind.SEEN, Instant.ofEpochMilli(now), null));
        }
    }

    private void markActive(long now, Context ctx) throws Exception {
        lastActivity.update(now);
        if (silenceTimer.value() == null) {
            long at = now + options.silenceTimeout().toMillis();
            ctx.timerService().registerProcessingTimeTimer(at);
            silenceTimer.update(at);
        }
    }

    private void checkSilence(long now, OnTimerContext ctx, Collector<IncidentChange> out) throws Exception {
        silenceTimer.clear();
        Long last = lastActivity.value();
        if (last == null) {
            return;
        }
        long silentSince = last + options.silenceTimeout().toMillis();
        if (now >= silentSince) {
            Profile p = profile.value();
            if (p == null || p.online()) {
                offline(ctx.getCurrentKey(), SILENT, Instant.ofEpochMilli(now), ctx, out);
            }
            return; // the next data re-arms the timer
        }
        ctx.timerService().registerProcessingTimeTimer(silentSince);
        silenceTimer.update(silentSince);
    }

    private Place place(String site) throws Exception {
        Profile p = profile.value();
        return p == null ? Place.unknown(site) : new Place(site, p.name(), p.lat(), p.lon(), p.ward());
    }
}
