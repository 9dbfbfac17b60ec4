package vn.ioc.streaming.job;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.ioc.ingest.contract.Report;
import vn.ioc.ingest.source.MqttRecord;
import vn.ioc.ingest.store.DeadLetter;

/**
 * Flink adapter of {@link MessageDecoder}: site inputs go on; citizen reports and dead letters
 * to side outputs (reports belong to no site, so they stay out of the per-site stream and its
 * watermarks).
 */
final class DecodeMessages extends ProcessFunction<MqttRecord, SiteInput> {

    static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {
    };
    static final OutputTag<Report> REPORTS = new OutputTag<>("reports") {
    };
    private static final Logger log = LoggerFactory.getLogger(DecodeMessages.class);

    private transient MessageDecoder decoder;
    private transient Counter deadLetters;

    @Override
    public void open(OpenContext context) {
        decoder = new MessageDecoder();
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
    }

    @Override
    public void processElement(MqttRecord r, Context ctx, Collector<SiteInput> out) {
        MessageDecoder.Result result = decoder.decode(r);
        result.inputs().forEach(out::collect);
        result.reports().forEach(report -> ctx.output(REPORTS, report));
        if (result.deadLetter() != null) {
            deadLetters.inc();
            long n = deadLetters.getCount();
            if (n <= 100 || n % 1000 == 0) { // a misbehaving device must not flood the log
                log.warn("Dead letter #{} from {} on {}: {}", n, result.deadLetter().site(), r.topic(), result.deadLetter().reason());
            }
            ctx.output(DEAD_LETTERS, result.deadLetter());
        }
    }
}
