package vn.ioc.edge.forward;

import java.util.Objects;

/**
 * One message waiting in an agent's disk buffer.
 *
 * @param seq      the agent's sequence number, also in the payload; increases in buffer order
 * @param priority how expendable it is when the buffer is full
 * @param topic    where it is published (QoS 1, not retained)
 * @param payload  the message as the broker receives it
 */
public record BufferedMessage(long seq, Priority priority, String topic, byte[] payload) {

    public BufferedMessage {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }
}
