package vn.ioc.ingest.mqtt;

import java.io.Serializable;

/**
 * How to reach the broker and who to be there.
 *
 * @param url                  {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param username             null for anonymous
 * @param clientId             stable across restarts, so that a persistent session is found again
 * @param cleanStart           false keeps the session (subscriptions, unacknowledged messages) across reconnects
 * @param sessionExpirySeconds how long the broker keeps the session while the client is away
 * @param keepAliveSeconds     how soon a dead connection is noticed (and the will sent)
 */
public record MqttSettings(
        String url, String username, String password, String clientId,
        boolean cleanStart, long sessionExpirySeconds, int keepAliveSeconds) implements Serializable {

    public static final String DEFAULT_URL = "tcp://localhost:1883";

    public MqttSettings {
        if (!isValidUrl(url)) {
            throw new IllegalArgumentException("expected an MQTT URL like tcp://host:1883 but was " + url);
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("expected a client id but was " + clientId);
        }
    }

    /** Whether Paho can connect to {@code url}: TCP or WebSocket, with or without TLS. */
    public static boolean isValidUrl(String url) {
        return url != null && (url.startsWith("tcp://") || url.startsWith("ssl://") || url.startsWith("ws://") || url.startsWith("wss://"));
    }

    /** A client that starts clean and keeps no session: for publishers of current state. */
    public static MqttSettings of(String url, String clientId) {
        return new MqttSettings(url, null, null, clientId, true, 0, 20);
    }

    public MqttSettings withClientId(String id) {
        return new MqttSettings(url, username, password, id, cleanStart, sessionExpirySeconds, keepAliveSeconds);
    }

    public MqttSettings withCredentials(String user, String pass) {
        return new MqttSettings(url, user, pass, clientId, cleanStart, sessionExpirySeconds, keepAliveSeconds);
    }

    /** Keep the session (and what the broker queued for it) for {@code seconds} while away. */
    public MqttSettings persistent(long seconds) {
        return new MqttSettings(url, username, password, clientId, false, seconds, keepAliveSeconds);
    }

    @Override
    public String toString() {
        return "MqttSettings[" + url + ", client " + clientId + (username == null ? "" : ", user " + username) + "]";
    }
}
