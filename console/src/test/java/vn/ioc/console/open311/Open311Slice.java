package vn.ioc.console.open311;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import vn.ioc.console.photo.PhotoChecker;
import vn.ioc.console.photo.PhotoProperties;

/** The Open311 API's rate limit for the web slices, configured from application.yml. */
@TestConfiguration(proxyBeanMethods = false)
@Import({PostRateLimiter.class, PhotoChecker.class})
@EnableConfigurationProperties({Open311Properties.class, PhotoProperties.class})
public class Open311Slice {
}
