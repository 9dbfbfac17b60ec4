package vn.ioc.ingest.source;

/**
 * One MQTT message as the source hands it to the job: undecoded, so that a payload that
 * fails to decode can still be kept whole in the dead-letter table.
 *
 * @param receivedAt epoch milliseconds when the source received it
 */
public record MqttRecord(String topic, byte[] payload, long receivedAt) {
}
