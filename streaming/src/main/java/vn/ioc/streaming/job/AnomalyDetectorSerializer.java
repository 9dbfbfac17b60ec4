package vn.ioc.streaming.job;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

import vn.ioc.streaming.anomaly.AnomalyDetector;

/**
 * Flink state for an {@link AnomalyDetector}: what it learned, written in its own compact form (the
 * job allows no generic serializers). On the heap backend the detector object itself is the state
 * and this runs only for checkpoints; on RocksDB it runs on every access.
 */
public final class AnomalyDetectorSerializer extends TypeSerializerSingleton<AnomalyDetector> {

    public static final AnomalyDetectorSerializer INSTANCE = new AnomalyDetectorSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public AnomalyDetector createInstance() {
        return new AnomalyDetector();
    }

    @Override
    public AnomalyDetector copy(AnomalyDetector from) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(128 * 1024);
            from.writeTo(out);
            return AnomalyDetector.readFrom(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
    }

    @Override
    public AnomalyDetector copy(AnomalyDetector from, AnomalyDetector reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(AnomalyDetector record, DataOutputView target) throws IOException {
        record.writeTo(target);
    }

    @Override
    public AnomalyDetector deserialize(DataInputView source) throws IOException {
        return AnomalyDetector.readFrom(source);
    }

    @Override
    public AnomalyDetector deserialize(AnomalyDetector reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<AnomalyDetector> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from a checkpoint. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<AnomalyDetector> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
