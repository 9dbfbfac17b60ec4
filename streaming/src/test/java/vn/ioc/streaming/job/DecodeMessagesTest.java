package vn.ioc.streaming.job;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Report;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.source.MqttRecord;
import vn.ioc.ingest.store.DeadLetter;
import vn.ioc.streaming.testing.EdgeMessages;

/** The decoding function in Flink's harness: which output each kind of message goes to. */
class DecodeMessagesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T07:00:00Z");
    private OneInputStreamOperatorTestHarness<MqttRecord, SiteInput> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new DecodeMessages());
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void feed(MqttRecord r) throws Exception {
        harness.processElement(new StreamRecord<>(r, r.receivedAt()));
    }

    @Test
    void reportsGoToTheirSideOutputAndSiteInputsOn() throws Exception {
        var report = new Report("HUE-0042", "flooding", 16.4637, 107.5909, T0, null, "Ngập", "open");
        feed(EdgeMessages.report(report));
        feed(EdgeMessages.speed("hue-phuhoi", 1, 33.5, T0));
        assertThat(harness.getSideOutput(DecodeMessages.REPORTS)).extracting(StreamRecord::getValue).containsExactly(report);
        assertThat(harness.extractOutputValues()).singleElement().satisfies(i -> assertThat(i.site()).isEqualTo("hue-phuhoi"));
        assertThat(harness.getSideOutput(DecodeMessages.DEAD_LETTERS)).isNull();
    }

    @Test
    void badReportGoesToTheDeadLettersOnly() throws Exception {
        feed(new MqttRecord(Topics.report("HUE-0042"), "{\"id\":\"HUE-0042\"}".getBytes(UTF_8), T0.toEpochMilli()));
        assertThat(harness.getSideOutput(DecodeMessages.DEAD_LETTERS)).extracting(StreamRecord::getValue)
                .extracting(DeadLetter::reason).singleElement().asString().contains("'category'");
        assertThat(harness.getSideOutput(DecodeMessages.REPORTS)).isNull();
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void reportsTravelAsPojosNotKryo() {
        // the job forbids generic types, so a report must be a type Flink serializes itself
        assertThat(DecodeMessages.REPORTS.getTypeInfo()).isInstanceOf(PojoTypeInfo.class);
    }
}
