package vn.ioc.console.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background sweeps (the report outbox, escalations) run on Spring's scheduler. */
@Configuration
@EnableScheduling
class SchedulingConfig {
}
