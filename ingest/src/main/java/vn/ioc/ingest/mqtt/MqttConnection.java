package vn.ioc.ingest.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT 5 connection on Eclipse Paho, with what every IOC process needs around it:
 * reconnect with back-off, a persistent session when asked, a will and a birth message
 * re-sent on every (re)connect, subscriptions restored after a reconnect, and no more QoS 1
 * publishes in flight than the broker's Receive Maximum (Paho throws beyond it and the
 * message is lost to the caller).
 */
public final class MqttConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);

    /** Called for each arriving message on Paho's callback thread: return quickly. */
    @FunctionalInterface
    public interface Listener {
        void onMessage(String topic, MqttMessage message) throws Exception;
    }

    public record Will(String topic, byte[] payload, int qos, boolean retained) {
    }

    private final MqttSettings settings;
    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final List<MqttSubscription> subscriptions;
    private final Consumer<MqttConnection> onConnect;
    private final Listener listener;
    private volatile Semaphore inFlight = new Semaphore(20);
    private volatile boolean closed;

    private MqttConnection(Builder b) throws MqttException {
        this.settings = b.settings;
        this.subscriptions = List.copyOf(b.subscriptions);
        this.onConnect = b.onConnect;
        this.listener = b.listener;
        this.client = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
        this.client.setManualAcks(b.manualAcks);
        this.options = new MqttConnectionOptions();
        options.setCleanStart(settings.cleanStart());
        options.setSessionExpiryInterval(settings.sessionExpirySeconds());
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        options.setConnectionTimeout(10);
        if (b.receiveMaximum > 0) {
            options.setReceiveMaximum(b.receiveMaximum);
        }
        if (settings.username() != null) {
            options.setUserName(settings.username());
            options.setPassword(settings.password() == null ? new byte[0] : settings.password().getBytes(StandardCharsets.UTF_8));
        }
        if (b.will != null) {
            MqttMessage w = new MqttMessage(b.will.payload());
            w.setQos(b.will.qos());
            w.setRetained(b.will.retained());
            options.setWill(b.will.topic(), w);
        }
        client.setCallback(new Callback());
    }

    public static Builder builder(MqttSettings settings) {
        return new Builder(settings);
    }

    public MqttSettings settings() {
        return settings;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Connects, retrying with back-off for up to {@code patience}; afterwards Paho reconnects by itself. */
    public MqttConnection connect(Duration patience) throws MqttException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long delayMs = 250;
        while (true) {
            try {
                IMqttToken token = client.connect(options);
                token.waitForCompletion(options.getConnectionTimeout() * 1000L);
                Integer max = token.getResponseProperties() == null ? null : token.getResponseProperties().getReceiveMaximum();
                inFlight = new Semaphore(max == null || max <= 0 ? 65_535 : max);
                log.info("MQTT {} connected to {} (broker allows {} in flight)", settings.clientId(), settings.url(), inFlight.availablePermits());
                return this;
            } catch (MqttException e) {
                if (System.nanoTime() + delayMs * 1_000_000 > deadline || e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_CONNECTED
                        || isRefusal(e)) {
                    throw e;
                }
                log.warn("MQTT {} cannot connect to {} yet ({}); retrying in {} ms", settings.clientId(), settings.url(), e.getMessage(), delayMs);
                Thread.sleep(delayMs);
                delayMs = Math.min(delayMs * 2, 5_000);
            }
        }
    }

    /** Bad credentials or a refused client id do not get better by retrying. */
    private static boolean isRefusal(MqttException e) {
        int rc = e.getReasonCode();
        return rc == 0x86 || rc == 0x87 || rc == 0x85 || rc == 0x8C;
    }

    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        return publish(topic, payload, qos, retained, List.of());
    }

    /**
     * Publishes; the future completes when the broker has the message (QoS 1: PUBACK
     * received) and fails when it could not be sent. Blocks while the broker's Receive
     * Maximum of QoS 1 messages is in flight.
     */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained, List<UserProperty> userProperties) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        MqttMessage m = new MqttMessage(payload);
        m.setQos(qos);
        m.setRetained(retained);
        if (!userProperties.isEmpty()) {
            MqttProperties p = new MqttProperties();
            p.setUserProperties(userProperties);
            m.setProperties(p);
        }
        Semaphore permits = inFlight;
        try {
            if (qos > 0 && !permits.tryAcquire(30, TimeUnit.SECONDS)) {
                done.completeExceptionally(new MqttException(MqttClientException.REASON_CODE_MAX_INFLIGHT));
                return done;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(e);
            return done;
        }
        MqttActionListener listener = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                release();
                done.complete(null);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                release();
                done.completeExceptionally(e);
            }

            private void release() {
                if (qos > 0) {
                    permits.release();
                }
            }
        };
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                client.publish(topic, m, null, listener);
                break;
            } catch (MqttException e) {
                // Paho keeps its own count of messages in flight, which can run behind ours for a moment (an
                // acknowledgement being processed, the broker's limit changing at a reconnect). Failing the
                // message would let the next ones overtake it, so it waits for the slot like any other publisher.
                if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT && client.isConnected()
                        && System.nanoTime() < deadline) {
                    try {
                        Thread.sleep(1);
                        continue;
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (qos > 0) {
                    permits.release();
                }
                done.completeExceptionally(e);
                break;
            } catch (RuntimeException e) {
                if (qos > 0) {
                    permits.release();
                }
                done.completeExceptionally(e);
                break;
            }
        }
        return done;
    }

    /** With manual acknowledgement: tells the broker this message is safe here (sends the PUBACK). */
    public void acknowledge(int messageId, int qos) throws MqttException {
        client.messageArrivedComplete(messageId, qos);
    }

    /** Disconnects cleanly: the broker does not send the will. */
    @Override
    public void close() {
        closed = true;
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            log.debug("MQTT {} disconnect: {}", settings.clientId(), e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.debug("MQTT {} close: {}", settings.clientId(), e.getMessage());
        }
    }

    /** Drops the connection without DISCONNECT, as a crash would: the broker sends the will. */
    public void abort() {
        closed = true;
        try {
            client.disconnectForcibly(0, 1, false);
        } catch (MqttException e) {
            log.debug("MQTT {} forced disconnect: {}", settings.clientId(), e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.debug("MQTT {} close: {}", settings.clientId(), e.getMessage());
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (reconnect) {
                log.info("MQTT {} reconnected to {}", settings.clientId(), serverURI);
            }
            if (!subscriptions.isEmpty()) {
                try {
                    client.subscribe(subscriptions.toArray(MqttSubscription[]::new));
                } catch (MqttException e) {
                    log.error("MQTT {} could not subscribe to {}: {}", settings.clientId(), subscriptions, e.getMessage());
                }
            }
            if (onConnect != null) {
                onConnect.accept(MqttConnection.this);
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (!closed) {
                log.warn("MQTT {} lost its connection to {}: {}", settings.clientId(), settings.url(), response);
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            log.warn("MQTT {} error: {}", settings.clientId(), e.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (listener == null) {
                return;
            }
            try {
                listener.onMessage(topic, message);
            } catch (Exception e) {
                // An exception escaping here would make Paho drop the connection.
                log.error("MQTT {} failed to handle a message on {}: {}", settings.clientId(), topic, e.toString(), e);
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }

    public static final class Builder {
        private final MqttSettings settings;
        private final List<MqttSubscription> subscriptions = new ArrayList<>();
        private Will will;
        private Consumer<MqttConnection> onConnect;
        private Listener listener;
        private boolean manualAcks;
        private int receiveMaximum;

        private Builder(MqttSettings settings) {
            this.settings = settings;
        }

        public Builder will(String topic, byte[] payload, int qos, boolean retained) {
            this.will = new Will(topic, payload, qos, retained);
            return this;
        }

        /** Runs after every (re)connect, e.g. to publish the birth message. */
        public Builder onConnect(Consumer<MqttConnection> action) {
            this.onConnect = action;
            return this;
        }

        /**
         * Subscribes after every (re)connect. Retained messages come only when the
         * subscription is new, so a reconnect does not replay every retained status.
         */
        public Builder subscribe(String filter, int qos) {
            return subscribe(filter, qos, 1);
        }

        /**
         * @param retainHandling 0: send retained messages on every subscribe; 1: only when the
         *                       subscription is new; 2: never (MQTT 5, 3.8.3.1)
         */
        public Builder subscribe(String filter, int qos, int retainHandling) {
            MqttSubscription s = new MqttSubscription(filter, qos);
            s.setRetainHandling(retainHandling);
            subscriptions.add(s);
            return this;
        }

        public Builder listener(Listener l) {
            this.listener = l;
            return this;
        }

        /** Messages are acknowledged only by {@link #acknowledge}; the broker redelivers the others. */
        public Builder manualAcks(boolean manual) {
            this.manualAcks = manual;
            return this;
        }

        /** How many unacknowledged QoS 1 messages the broker may send us at once. */
        public Builder receiveMaximum(int max) {
            this.receiveMaximum = max;
            return this;
        }

        public MqttConnection build() throws MqttException {
            return new MqttConnection(this);
        }
    }
}
