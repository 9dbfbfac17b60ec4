package vn.ioc.console.live;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's broker connection ({@code ioc.mqtt.*}; defaults in application.yml).
 *
 * @param url          {@code IOC_MQTT_URL}, default {@code tcp://localhost:1883}
 * @param username     {@code IOC_MQTT_USERNAME}, empty for anonymous
 * @param password     {@code IOC_MQTT_PASSWORD}
 * @param clientPrefix {@code IOC_MQTT_CLIENT_PREFIX}, default {@code ioc-console}; a random suffix makes each process its own client
 */
@ConfigurationProperties("ioc.mqtt")
public record MqttProperties(String url, String username, String password, String clientPrefix) {

    String usernameOrNull() {
        return username == null || username.isBlank() ? null : username;
    }

    String passwordOrNull() {
        return password == null || password.isEmpty() ? null : password;
    }
}
