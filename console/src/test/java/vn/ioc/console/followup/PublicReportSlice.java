package vn.ioc.console.followup;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The citizens' report pages' rate limit for the web slices, configured from application.yml. */
@TestConfiguration(proxyBeanMethods = false)
@Import(PublicReportRateLimiter.class)
@EnableConfigurationProperties(PublicReportProperties.class)
public class PublicReportSlice {
}
