package vn.ioc.ingest.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * One persistent MQTT session of the source. Its client id never changes, so whichever
 * reader holds the split reconnects to the same session and receives what the broker kept
 * for it, including messages delivered before a failure but never acknowledged.
 */
public record MqttSplit(int index, String clientId) implements SourceSplit {

    @Override
    public String splitId() {
        return "session-" + index;
    }

    static final class Serializer implements SimpleVersionedSerializer<MqttSplit> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(MqttSplit split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(split.index());
                out.writeUTF(split.clientId());
            }
            return bytes.toByteArray();
        }

        @Override
        public MqttSplit deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("expected MQTT split version 1 but was " + version);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return new MqttSplit(in.readInt(), in.readUTF());
            }
        }
    }
}
