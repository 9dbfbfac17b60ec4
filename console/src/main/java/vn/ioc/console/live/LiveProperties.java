package vn.ioc.console.live;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Push to browsers ({@code ioc.live.*}; defaults in application.yml).
 *
 * @param clientQueue updates queued for one browser ({@code IOC_LIVE_CLIENT_QUEUE}, 512); a browser
 *                    further behind is disconnected, and reloads when it reconnects
 */
@ConfigurationProperties("ioc.live")
public record LiveProperties(int clientQueue) {
}
