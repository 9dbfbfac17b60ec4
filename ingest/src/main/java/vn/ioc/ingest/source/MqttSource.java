package vn.ioc.ingest.source;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Flink source (FLIP-27) reading MQTT 5 through persistent sessions and a shared
 * subscription.
 *
 * <p><b>Delivery guarantee: at least once, nothing lost.</b> Messages arrive at QoS 1 with
 * manual acknowledgement. A message is acknowledged to the broker only when the first
 * checkpoint taken after it was emitted has completed, that is, when everything it caused
 * downstream is in that checkpoint or flushed by the sinks. If the job fails or is stopped
 * before that, the broker still holds the message in the session (same client id, no clean
 * start) and delivers it again when the job is restored. A message can therefore be
 * delivered twice (emitted, then the job restored to a checkpoint before it); the stores
 * downstream are idempotent on (agent, sequence number), which makes the stored result
 * exactly once.
 *
 * <p>Flow control comes free: the broker sends no more than the session's Receive Maximum
 * of unacknowledged messages, so a back-pressured job makes the broker queue, not this
 * process.
 */
public final class MqttSource implements Source<MqttRecord, MqttSplit, MqttEnumerator.State>, ResultTypeQueryable<MqttRecord> {

    private final MqttSourceSettings settings;

    public MqttSource(MqttSourceSettings settings) {
        this.settings = settings;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<MqttSplit, MqttEnumerator.State> createEnumerator(SplitEnumeratorContext<MqttSplit> context) {
        return new MqttEnumerator(context, settings, null);
    }

    @Override
    public SplitEnumerator<MqttSplit, MqttEnumerator.State> restoreEnumerator(
            SplitEnumeratorContext<MqttSplit> context, MqttEnumerator.State checkpoint) {
        return new MqttEnumerator(context, settings, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<MqttSplit> getSplitSerializer() {
        return new MqttSplit.Serializer();
    }

    @Override
    public SimpleVersionedSerializer<MqttEnumerator.State> getEnumeratorCheckpointSerializer() {
        return new MqttEnumerator.StateSerializer();
    }

    @Override
    public SourceReader<MqttRecord, MqttSplit> createReader(SourceReaderContext readerContext) {
        return new MqttSourceReader(readerContext, settings);
    }

    @Override
    public TypeInformation<MqttRecord> getProducedType() {
        return TypeInformation.of(MqttRecord.class);
    }
}
