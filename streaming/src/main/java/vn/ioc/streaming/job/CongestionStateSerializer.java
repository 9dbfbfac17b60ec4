package vn.ioc.streaming.job;

import java.io.IOException;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import vn.ioc.streaming.detect.CongestionState;
import vn.ioc.streaming.detect.ThresholdState;
import vn.ioc.streaming.detect.TrafficProfile;

/** Flink state for a road sensor's {@link CongestionState}: its phase and its two learned profiles. */
public final class CongestionStateSerializer extends TypeSerializerSingleton<CongestionState> {

    public static final CongestionStateSerializer INSTANCE = new CongestionStateSerializer();

    @Override
    public boolean isImmutableType() {
        return true; // the state and its profiles are never changed in place: every step makes new ones
    }

    @Override
    public CongestionState createInstance() {
        return null;
    }

    @Override
    public CongestionState copy(CongestionState from) {
        return from;
    }

    @Override
    public CongestionState copy(CongestionState from, CongestionState reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(CongestionState s, DataOutputView out) throws IOException {
        out.writeInt(s.phase().ordinal());
        out.writeLong(s.since());
        out.writeLong(s.lastAt());
        s.speed().writeTo(out);
        s.occupancy().writeTo(out);
    }

    @Override
    public CongestionState deserialize(DataInputView in) throws IOException {
        int phase = in.readInt();
        if (phase < 0 || phase >= ThresholdState.Phase.values().length) {
            throw new IOException("expected a congestion phase from 0 to " + (ThresholdState.Phase.values().length - 1) + " but was " + phase);
        }
        return new CongestionState(ThresholdState.Phase.values()[phase], in.readLong(), in.readLong(), TrafficProfile.readFrom(in),
                TrafficProfile.readFrom(in));
    }

    @Override
    public CongestionState deserialize(CongestionState reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<CongestionState> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from a checkpoint. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<CongestionState> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
