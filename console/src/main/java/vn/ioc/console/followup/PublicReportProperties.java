package vn.ioc.console.followup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The citizens' report pages ({@code ioc.public-reports.*}; defaults and environment variables in application.yml).
 *
 * @param postsPerWindow {@code IOC_PUBLIC_REPORTS_POSTS_PER_WINDOW}, default 10: ratings and reopenings one client address may post per window
 * @param window         {@code IOC_PUBLIC_REPORTS_WINDOW}, default 1m
 */
@ConfigurationProperties("ioc.public-reports")
public record PublicReportProperties(int postsPerWindow, Duration window) {
}
