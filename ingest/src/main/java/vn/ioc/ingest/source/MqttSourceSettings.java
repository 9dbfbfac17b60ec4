package vn.ioc.ingest.source;

import java.io.Serializable;
import java.util.List;

import vn.ioc.ingest.mqtt.MqttSettings;

/**
 * What the MQTT source reads and how.
 *
 * @param broker         broker address and credentials; its client id is the prefix of the sessions' ids
 * @param group          shared-subscription group: every message of {@code sharedFilters} goes to one session
 * @param sharedFilters  the bulk data, spread over the sessions ({@code $share/group/filter})
 * @param directFilters  low-volume topics every job needs whole, retained messages included (site
 *                       status); subscribed by session 0 only, without sharing, because brokers do
 *                       not send retained messages to shared subscriptions
 * @param sessions       how many MQTT sessions (splits) to open; 0 means the source's parallelism
 *                       at the job's first start. Fixed afterwards, so a rescaled job finds its
 *                       sessions, and the messages they hold, again
 * @param receiveMaximum unacknowledged messages the broker may send each session; acknowledgement
 *                       waits for a checkpoint, so this bounds what one checkpoint interval holds
 */
public record MqttSourceSettings(
        MqttSettings broker, String group, List<String> sharedFilters, List<String> directFilters,
        int sessions, long sessionExpirySeconds, int receiveMaximum) implements Serializable {

    public MqttSourceSettings {
        sharedFilters = List.copyOf(sharedFilters);
        directFilters = List.copyOf(directFilters);
        if (sharedFilters.isEmpty() && directFilters.isEmpty()) {
            throw new IllegalArgumentException("expected at least one topic filter but was none");
        }
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new IllegalArgumentException("expected a receive maximum in 1..65535 but was " + receiveMaximum);
        }
    }

    public static MqttSourceSettings of(MqttSettings broker, String group, List<String> sharedFilters, List<String> directFilters) {
        return new MqttSourceSettings(broker, group, sharedFilters, directFilters, 0, 7 * 24 * 3600, 10_000);
    }

    public MqttSourceSettings withSessions(int n) {
        return new MqttSourceSettings(broker, group, sharedFilters, directFilters, n, sessionExpirySeconds, receiveMaximum);
    }
}
