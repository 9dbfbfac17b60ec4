package vn.ioc.console.live;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.mqtt.MqttConnection;
import vn.ioc.ingest.mqtt.MqttSettings;

/**
 * The console's one MQTT subscription. It is not shared: every console replica receives every
 * update for its own browsers. It starts clean under a fresh client id, so the retained site
 * statuses and camera frames arrive at once. A broker that is not there yet does not stop the
 * console: it keeps trying in the background while the pages and the REST API are served.
 */
@Component
class LiveSubscription implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveSubscription.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final MqttProperties properties;
    private final LiveUpdates updates;
    private volatile MqttConnection connection;
    private volatile Thread connector;
    private volatile boolean running;

    LiveSubscription(MqttProperties properties, LiveUpdates updates) {
        this.properties = properties;
        this.updates = updates;
    }

    @Override
    public void start() {
        String clientId = properties.clientPrefix() + "-" + UUID.randomUUID().toString().substring(0, 8);
        MqttSettings settings = new MqttSettings(properties.url(), properties.usernameOrNull(), properties.passwordOrNull(),
                clientId, true, 0, 20);
        try {
            connection = MqttConnection.builder(settings)
                    .subscribe(Topics.ALL_INCIDENTS, 1)
                    .subscribe(Topics.ALL_SITE_STATUS, 1)
                    .subscribe(Topics.ALL_CAMERA_FRAMES, 0)
                    .subscribe(Topics.ALL_OPERATOR_FRAMES, 0)
                    // for the snapshots they carry, kept with the incidents they open
                    .subscribe(Topics.ALL_CAMERA_EVENTS, 1)
                    // new citizens' reports, for the operators' report layer
                    .subscribe(Topics.ALL_REPORTS, 1)
                    .listener(updates::onMessage)
                    .build();
        } catch (MqttException e) {
            throw new IllegalStateException("cannot create the MQTT client for " + settings + ": " + e.getMessage(), e);
        }
        running = true;
        connector = new Thread(this::connectUntilUp, "ioc-console-mqtt-connect");
        connector.setDaemon(true);
        connector.start();
    }

    /** Paho reconnects by itself once it has connected; until then this thread keeps trying. */
    private void connectUntilUp() {
        while (running) {
            try {
                connection.connect(PATIENCE);
                return;
            } catch (MqttException e) {
                if (running) {
                    log.warn("MQTT broker {} not reachable ({}); serving without live updates, retrying", properties.url(), e.getMessage());
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    boolean isConnected() {
        MqttConnection c = connection;
        return c != null && c.isConnected();
    }

    /** Publishes on the console's connection; fails at once while the broker is not connected. */
    CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        MqttConnection c = connection;
        if (c == null || !c.isConnected()) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to the MQTT broker " + properties.url()));
        }
        return c.publish(topic, payload, qos, retained);
    }

    String brokerUrl() {
        return properties.url();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = connector;
        if (t != null) {
            t.interrupt();
        }
        MqttConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
