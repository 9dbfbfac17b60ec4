package vn.ioc.console.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.system.BadRequestException;

/**
 * Citizen reports for the operator map's report layer. Unlike Open311's listing it shows
 * private categories too (the API is for operators only, see SecurityConfig) and leaves out
 * closed reports that have not changed for {@link #CLOSED_KEPT}, so the layer stays the size of
 * the city's current work.
 */
@RestController
class ReportLayerController {

    static final Duration CLOSED_KEPT = Duration.ofDays(30);
    static final int MAX_RESULTS = 5000;
    private static final Set<String> STATUSES = Set.of("open", "closed");

    private final ReportRepository reports;
    private final Clock clock;

    ReportLayerController(ReportRepository reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** {@code status}: {@code open}, {@code closed} or both comma-separated (both when absent); {@code category}: one code. */
    @GetMapping("/api/reports")
    List<ReportMarker> list(@RequestParam(required = false) String status, @RequestParam(required = false) String category) {
        List<String> statuses = status == null ? List.of()
                : Arrays.stream(status.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        statuses.stream().filter(s -> !STATUSES.contains(s)).findFirst().ifPresent(s -> {
            throw new BadRequestException("expected status to be open or closed but was '" + s + "'");
        });
        String code = category == null || category.isBlank() ? null : category.strip();
        Instant now = clock.instant();
        return reports.forOperators(statuses, code, now.minus(CLOSED_KEPT), MAX_RESULTS).stream()
                .map(r -> ReportMarker.of(r, now))
                .toList();
    }
}
