package vn.ioc.console.live;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The web slices have no broker: a publisher whose connection is never started, so every publish
 * fails at once, as it does in production while the broker is away.
 */
@TestConfiguration(proxyBeanMethods = false)
public class BrokerSlice {

    @Bean
    BrokerPublisher brokerPublisher() {
        return new BrokerPublisher(new LiveSubscription(new MqttProperties("tcp://127.0.0.1:1", "", "", "slice"), null));
    }
}
