package vn.ioc.streaming.job;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ioc.ingest.contract.InvalidMessageException;
import vn.ioc.ingest.contract.Report;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.source.MqttRecord;
import vn.ioc.ingest.store.DeadLetter;

/**
 * Flink adapter of {@link MessageDecoder}: site inputs go on; citizen reports and dead letters
 * to side outputs (reports belong to no site, so they stay out of the per-site stream and its
 * watermarks).
 *
 * <p>Metrics: {@code observationsDecoded}, {@code reportsDecoded}, {@code deadLetters} (also per
 * kind of topic, in the group {@code kind}) and the gauge {@code eventTimeLagMs}, the wall clock
 * minus the event time of the latest site input: how far behind real time the job reads.
 */
final class DecodeMessages extends ProcessFunction<MqttRecord, SiteInput> {

    static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {
    };
    static final OutputTag<Report> REPORTS = new OutputTag<>("reports") {
    };
    private static final Logger log = LoggerFactory.getLogger(DecodeMessages.class);

    private transient MessageDecoder decoder;
    private transient Counter deadLetters;
    private transient Counter observations;
    private transient Counter reports;
    private transient Map<String, Counter> deadLettersByKind;
    private transient MetricGroup metrics;
    private transient volatile long lastEventTime;

    @Override
    public void open(OpenContext context) {
        decoder = new MessageDecoder();
        metrics = getRuntimeContext().getMetricGroup();
        deadLetters = metrics.counter("deadLetters");
        observations = metrics.counter("observationsDecoded");
        reports = metrics.counter("reportsDecoded");
        deadLettersByKind = new HashMap<>();
        metrics.gauge("eventTimeLagMs", (Gauge<Long>) () -> lastEventTime == 0 ? 0L : System.currentTimeMillis() - lastEventTime);
    }

    @Override
    public void processElement(MqttRecord r, Context ctx, Collector<SiteInput> out) {
        MessageDecoder.Result result = decoder.decode(r);
        for (SiteInput input : result.inputs()) {
            if (input.isObservation()) {
                observations.inc();
            }
            lastEventTime = input.eventTime();
            out.collect(input);
        }
        reports.inc(result.reports().size());
        result.reports().forEach(report -> ctx.output(REPORTS, report));
        if (result.deadLetter() != null) {
            deadLetters.inc();
            deadLettersByKind.computeIfAbsent(kindOf(r.topic()), k -> metrics.addGroup("kind", k).counter("deadLetters")).inc();
            long n = deadLetters.getCount();
            if (n <= 100 || n % 1000 == 0) { // a misbehaving device must not flood the log
                log.warn("Dead letter #{} from {} on {}: {}", n, result.deadLetter().site(), r.topic(), result.deadLetter().reason());
            }
            ctx.output(DEAD_LETTERS, result.deadLetter());
        }
    }

    /** The kind of topic a dead letter came on, such as {@code sensor_observations}; {@code unknown} for a topic outside the contract. */
    static String kindOf(String topic) {
        try {
            return Topics.parse(topic).kind().name().toLowerCase(Locale.ROOT);
        } catch (InvalidMessageException e) {
            return "unknown";
        }
    }
}
