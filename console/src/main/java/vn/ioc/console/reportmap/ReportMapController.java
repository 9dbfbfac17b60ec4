package vn.ioc.console.reportmap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.report.CategoryEntry;
import vn.ioc.console.report.ReportRepository;
import vn.ioc.console.system.BadRequestException;

/**
 * The public map of citizens' reports and their results, without login: recent reports of public
 * categories as GeoJSON, newest first, within a bounded time window and count, filtered by
 * category and by where they stand.
 */
@RestController
class ReportMapController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 90;
    static final int MAX_REPORTS = 500;

    /** A category the map's filter offers, in both languages. */
    record CategoryOption(String code, String vi, String en) {
    }

    record FeatureCollection(String type, List<Feature> features) {
    }

    record Feature(String type, Point geometry, Properties properties) {

        static Feature of(MapReport r) {
            return new Feature("Feature", new Point("Point", new double[]{r.lon(), r.lat()}),
                    new Properties(new CategoryOption(r.category(), r.categoryVi(), r.categoryEn()), r.status(), r.ward(),
                            r.agencyVi(), r.agencyEn(), r.description(), r.answer(), r.answeredAt(), r.requestedAt()));
        }
    }

    record Point(String type, double[] coordinates) {
    }

    record Properties(CategoryOption category, String status, String ward, String agencyVi, String agencyEn, String description,
                      String answer, Instant answeredAt, Instant requestedAt) {
    }

    private final ReportMapRepository map;
    private final ReportRepository reports;
    private final Clock clock;

    ReportMapController(ReportMapRepository map, ReportRepository reports, Clock clock) {
        this.map = map;
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * @param status   comma-separated public statuses (received, in_progress, answered, closed); all when absent
     * @param category one public category's code; all when absent
     * @param days     how many days back, 1 to 90 (default 30)
     */
    @GetMapping("/public/reports.geojson")
    ResponseEntity<FeatureCollection> reports(@RequestParam(required = false) String status,
                                              @RequestParam(required = false) String category,
                                              @RequestParam(required = false) String days) {
        List<PublicStatus> statuses = statuses(status);
        String code = category == null || category.isBlank() ? null : category.strip();
        if (code != null && publicCategories().stream().noneMatch(c -> c.category().code().equals(code))) {
            throw new BadRequestException("category must be the code of a public report category but was '" + code + "'");
        }
        Instant since = clock.instant().minus(Duration.ofDays(days(days)));
        List<Feature> features = map.recent(since, code, statuses, MAX_REPORTS).stream().map(Feature::of).toList();
        return ResponseEntity.ok().contentType(GEO_JSON).body(new FeatureCollection("FeatureCollection", features));
    }

    /** The categories the map's filter offers: the public ones that take reports. */
    @GetMapping(value = "/public/report-categories.json", produces = MediaType.APPLICATION_JSON_VALUE)
    List<CategoryOption> categories() {
        return publicCategories().stream().filter(CategoryEntry::active)
                .map(c -> new CategoryOption(c.category().code(), c.category().nameVi(), c.category().nameEn())).toList();
    }

    private List<CategoryEntry> publicCategories() {
        return reports.categories().stream().filter(c -> c.category().isPublic()).toList();
    }

    private static List<PublicStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return List.of();
        }
        return Arrays.stream(status.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> PublicStatus.of(s).orElseThrow(() -> new BadRequestException(
                        "status must be among " + PublicStatus.codes() + " but was '" + s + "'")))
                .distinct().toList();
    }

    private static int days(String days) {
        if (days == null || days.isBlank()) {
            return DEFAULT_DAYS;
        }
        try {
            int n = Integer.parseInt(days.strip());
            if (n >= 1 && n <= MAX_DAYS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw new BadRequestException("days must be a whole number from 1 to " + MAX_DAYS + " but was '" + days + "'");
    }
}
