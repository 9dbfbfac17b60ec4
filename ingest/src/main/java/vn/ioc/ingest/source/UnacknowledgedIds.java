package vn.ioc.ingest.source;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The packet ids of QoS 1 messages a session delivered and the source has not acknowledged
 * yet. A message arriving with one of these ids is the broker redelivering it (after a
 * reconnect) and is dropped: the copy already held will be acknowledged.
 */
final class UnacknowledgedIds {

    /** Sends the PUBACK for a packet id. */
    @FunctionalInterface
    interface Acknowledger {
        void send(int packetId) throws MqttException;
    }

    private final Set<Integer> ids = ConcurrentHashMap.newKeySet();

    /** Returns false when the message is a redelivery of one still held. */
    boolean arrived(int packetId) {
        return ids.add(packetId);
    }

    /**
     * Forgets the id, then acknowledges. In this order because the broker may reuse the id
     * for its next message as soon as it has the PUBACK, and that message is new.
     */
    void acknowledge(int packetId, Acknowledger ack) throws MqttException {
        ids.remove(packetId);
        ack.send(packetId);
    }

    int size() {
        return ids.size();
    }
}
