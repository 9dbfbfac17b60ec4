package vn.ioc.console.open311;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public Open311 API ({@code ioc.open311.*}; defaults and environment variables in application.yml).
 *
 * @param postsPerWindow {@code IOC_OPEN311_POSTS_PER_WINDOW}, default 10: reports one client (api_key, else address) may post per window
 * @param window         {@code IOC_OPEN311_WINDOW}, default 1m
 */
@ConfigurationProperties("ioc.open311")
public record Open311Properties(int postsPerWindow, Duration window) {
}
