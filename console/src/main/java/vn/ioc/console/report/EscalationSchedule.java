package vn.ioc.console.report;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Looks for overdue reports every {@code ioc.escalation.interval} (IOC_ESCALATION_INTERVAL,
 * default 5 minutes). Every console process runs it; the update escalates each report once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EscalationSchedule {

    private final ReportEscalation escalation;

    EscalationSchedule(ReportEscalation escalation) {
        this.escalation = escalation;
    }

    @Scheduled(initialDelayString = "${ioc.escalation.interval:PT5M}", fixedDelayString = "${ioc.escalation.interval:PT5M}")
    void escalate() {
        escalation.escalateOverdue();
    }
}
