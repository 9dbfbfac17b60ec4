package vn.ioc.console.live;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether live updates flow. A lost broker is UNKNOWN, not DOWN: the console still serves the
 * map and the REST API, so an orchestrator should not restart it for that.
 */
@Component
class MqttHealthIndicator implements HealthIndicator {

    private final LiveSubscription subscription;

    MqttHealthIndicator(LiveSubscription subscription) {
        this.subscription = subscription;
    }

    @Override
    public Health health() {
        Health.Builder health = subscription.isConnected() ? Health.up() : Health.unknown().withDetail("connected", false);
        return health.withDetail("broker", subscription.brokerUrl()).build();
    }
}
