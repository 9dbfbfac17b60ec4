package vn.ioc.streaming.job;

import java.time.Duration;
import java.util.Map;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ioc.ingest.contract.Observation;
import vn.ioc.ingest.contract.Report;
import vn.ioc.ingest.source.MqttRecord;
import vn.ioc.ingest.source.MqttSource;
import vn.ioc.ingest.store.Database;
import vn.ioc.ingest.store.DeadLetter;
import vn.ioc.streaming.incident.IncidentChange;
import vn.ioc.streaming.report.Cells;
import vn.ioc.streaming.report.ReportJoin;
import vn.ioc.streaming.report.ReportJoinRules;
import vn.ioc.streaming.sink.Sinks;

/**
 * The stream job: edge messages in, observations, incidents, site registry and dead letters
 * out. Sources and sinks are passed in: {@link #main} wires MQTT and PostgreSQL, tests wire
 * bounded sources and collecting sinks.
 *
 * <pre>
 * MQTT (shared subscription) → decode and validate ─┬→ dead letters → dead_letter
 *                                                   └→ event time (bounded out-of-order, idleness)
 *                                                        ├→ observations → observation
 *                                                   │    └→ keyBy(site) → detect incidents ─┬→ site registry
 *                                                   │                                       ├→ other incidents ───────────┐
 *                                                   │                                       ├→ keyBy(cell) → join ─────────┼→ incident (+ MQTT)
 *                                                   │                                       └→ keyBy(metric@5 km) → drift ─┘
 *                                                   └→ reports → event time → nearby cells ───────↗ (join)
 * </pre>
 *
 * <p>Delivery: the source acknowledges MQTT messages only after the checkpoint that covers
 * them, the sinks flush before every checkpoint and write idempotently: at least once end
 * to end, exactly once in the database.
 */
public final class IncidentJob {

    private static final Logger log = LoggerFactory.getLogger(IncidentJob.class);
    public static final String NAME = "IOC incident detection";

    private final Source<MqttRecord, ?, ?> source;
    private final Sink<Observation> observations;
    private final Sink<IncidentChange> incidents;
    private final Sink<SiteUpdate> sites;
    private final Sink<DeadLetter> deadLetters;
    private final DetectionOptions options;

    public IncidentJob(Source<MqttRecord, ?, ?> source, Sink<Observation> observations, Sink<IncidentChange> incidents,
                       Sink<SiteUpdate> sites, Sink<DeadLetter> deadLetters, DetectionOptions options) {
        this.source = source;
        this.observations = observations;
        this.incidents = incidents;
        this.sites = sites;
        this.deadLetters = deadLetters;
        this.options = options;
    }

    /** The production wiring: MQTT in, PostgreSQL and MQTT out. */
    public static IncidentJob production(JobSettings s) {
        return new IncidentJob(new MqttSource(s.source()), Sinks.observations(s.db()), Sinks.incidents(s.db(), s.mqtt()),
                Sinks.sites(s.db()), Sinks.deadLetters(s.db()), s.detection());
    }

    public void build(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<SiteInput> decoded = env
                .fromSource(source, WatermarkStrategy.noWatermarks(), "edge messages (MQTT)").uid("mqtt-source")
                .process(new DecodeMessages()).name("decode and validate").uid("decode");

        decoded.getSideOutput(DecodeMessages.DEAD_LETTERS)
                .sinkTo(deadLetters).name("store dead letters").uid("dead-letter-sink");

        DataStream<SiteInput> timed = decoded.assignTimestampsAndWatermarks(
                WatermarkStrategy.<SiteInput>forBoundedOutOfOrderness(options.maxOutOfOrder())
                        .withTimestampAssigner((input, previous) -> input.eventTime())
                        .withIdleness(options.idleAfter()))
                .name("event time").uid("event-time");

        timed.filter(SiteInput::isObservation).name("observations only").uid("observations-only")
                .map(SiteInput::observation).returns(Observation.class).name("to observation").uid("to-observation")
                .sinkTo(observations).name("store observations").uid("observation-sink");

        SingleOutputStreamOperator<IncidentChange> changes = timed
                .keyBy(SiteInput::site)
                .process(new MonitorSite(options)).name("detect incidents").uid("detect-incidents");
        changes.getSideOutput(MonitorSite.SITE_UPDATES)
                .sinkTo(sites).name("store site registry").uid("site-sink");

        // citizens' reports meet the incidents they may confirm, cell by cell; the others go straight on
        ReportJoin join = new ReportJoin(ReportJoinRules.defaults());
        DataStream<CellInput> reports = decoded.getSideOutput(DecodeMessages.REPORTS)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Report>forBoundedOutOfOrderness(options.maxOutOfOrder())
                        .withTimestampAssigner((r, previous) -> r.time().toEpochMilli())
                        .withIdleness(options.idleAfter())) // reports are rare: a quiet hour must not hold event time back
                .name("report time").uid("report-time")
                .filter(join::joinable).name("joinable reports").uid("joinable-reports")
                .flatMap((Report r, Collector<CellInput> out) -> {
                    for (String cell : Cells.around(r.lat(), r.lon(), join.radiusMetres(r))) {
                        out.collect(CellInput.of(cell, r));
                    }
                }).returns(CellInput.class).name("to nearby cells").uid("reports-to-cells");
        DataStream<IncidentChange> joined = changes
                .filter(c -> join.joinable(c.incident().type())).name("confirmable incidents").uid("confirmable-incidents")
                .map(c -> CellInput.of(Cells.of(c.incident().lat(), c.incident().lon()), c)).returns(CellInput.class)
                .name("to its cell").uid("incidents-to-cells")
                .union(reports)
                .keyBy(CellInput::cell)
                .process(new JoinReports(join)).name("join citizen reports").uid("join-reports");
        // a sensor drifting away from its neighbours of the same metric, within a cell of about 5 km
        DataStream<IncidentChange> drifts = changes.getSideOutput(DriftWiring.PLACED_READINGS)
                .keyBy(PlacedReading::neighbourhood)
                .process(new WatchNeighbours(options)).name("watch neighbours for drift").uid("watch-neighbours");
        changes.filter(c -> !join.joinable(c.incident().type())).name("other incidents").uid("other-incidents")
                .union(joined, drifts)
                .sinkTo(incidents).name("store and publish incidents").uid("incident-sink");
    }

    /**
     * Flink settings the job relies on: checkpoints (they trigger the MQTT acknowledgements
     * and the sinks' flushes) and no silent fallback to Kryo for our types.
     */
    public static Configuration configuration(JobSettings s) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, s.checkpointInterval());
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, Duration.ofMillis(Math.min(500, s.checkpointInterval().toMillis() / 2)));
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(StateBackendOptions.STATE_BACKEND, s.stateBackend());
        if ("rocksdb".equals(s.stateBackend())) {
            conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true); // only what changed since the last one
        }
        if (s.checkpointDir() != null) {
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, s.checkpointDir());
            conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    org.apache.flink.configuration.ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        }
        return conf;
    }

    /** Starts the job without waiting for it (the local launcher runs it next to the console). */
    public static JobClient start(JobSettings s, Configuration extra) throws Exception {
        return prepare(s, extra).executeAsync(NAME);
    }

    /** {@code flink run ioc-streaming.jar [--flag value ...]}; see {@link JobSettings} for the flags. */
    public static void main(String[] args) throws Exception {
        JobSettings s = JobSettings.from(args, Map.copyOf(System.getenv()));
        log.info("Starting {}: MQTT {}, group {}, database {}", NAME, s.mqtt(), s.group(), s.db());
        prepare(s, new Configuration()).execute(NAME);
    }

    /** Brings the schema up to date and builds the production pipeline in an environment configured for it. */
    private static StreamExecutionEnvironment prepare(JobSettings s, Configuration extra) {
        Database.migrate(Database.dataSource(s.db().url(), s.db().user(), s.db().password()));
        Configuration conf = configuration(s);
        conf.addAll(extra);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        production(s).build(env);
        return env;
    }
}
