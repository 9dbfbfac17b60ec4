package vn.ioc.console.live;

import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

/** Lets other features publish on the console's one broker connection. */
@Component
public class BrokerPublisher {

    private final LiveSubscription subscription;

    BrokerPublisher(LiveSubscription subscription) {
        this.subscription = subscription;
    }

    /** Completes when the broker has the message (QoS 1); fails at once while the broker is not connected. */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        return subscription.publish(topic, payload, qos, retained);
    }
}
