package vn.ioc.ingest.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Hands out the sessions: split {@code i} goes to reader {@code i mod parallelism}. Splits
 * live in the readers' checkpointed state once assigned; this keeps only the unassigned ones.
 */
final class MqttEnumerator implements SplitEnumerator<MqttSplit, MqttEnumerator.State> {

    /** The enumerator's checkpoint: how many sessions exist and which are not yet assigned. */
    record State(int sessions, List<MqttSplit> unassigned) {
    }

    private final SplitEnumeratorContext<MqttSplit> context;
    private final int sessions;
    private final List<MqttSplit> unassigned;

    MqttEnumerator(SplitEnumeratorContext<MqttSplit> context, MqttSourceSettings settings, State restored) {
        this.context = context;
        if (restored != null) {
            this.sessions = restored.sessions();
            this.unassigned = new ArrayList<>(restored.unassigned());
        } else {
            this.sessions = settings.sessions() > 0 ? settings.sessions() : context.currentParallelism();
            this.unassigned = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                unassigned.add(new MqttSplit(i, settings.broker().clientId() + "-" + i));
            }
        }
    }

    @Override
    public void start() {
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        assignPending();
    }

    @Override
    public void addSplitsBack(List<MqttSplit> splits, int subtaskId) {
        unassigned.addAll(splits);
        assignPending();
    }

    @Override
    public void addReader(int subtaskId) {
        assignPending();
    }

    private void assignPending() {
        int parallelism = context.currentParallelism();
        for (Iterator<MqttSplit> it = unassigned.iterator(); it.hasNext(); ) {
            MqttSplit split = it.next();
            int owner = split.index() % parallelism;
            if (context.registeredReaders().containsKey(owner)) {
                context.assignSplit(split, owner);
                it.remove();
            }
        }
    }

    @Override
    public State snapshotState(long checkpointId) {
        return new State(sessions, List.copyOf(unassigned));
    }

    @Override
    public void close() {
    }

    static final class StateSerializer implements SimpleVersionedSerializer<State> {
        private final MqttSplit.Serializer splits = new MqttSplit.Serializer();

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(State state) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(state.sessions());
                out.writeInt(state.unassigned().size());
                for (MqttSplit s : state.unassigned()) {
                    byte[] b = splits.serialize(s);
                    out.writeInt(b.length);
                    out.write(b);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public State deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("expected MQTT enumerator state version 1 but was " + version);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int sessions = in.readInt();
                int n = in.readInt();
                List<MqttSplit> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    list.add(splits.deserialize(splits.getVersion(), b));
                }
                return new State(sessions, list);
            }
        }
    }
}
