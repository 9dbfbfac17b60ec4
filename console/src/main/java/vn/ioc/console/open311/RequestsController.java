package vn.ioc.console.open311;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.ioc.console.photo.Photo;
import vn.ioc.console.photo.PhotoChecker;

import vn.ioc.console.report.Filing;
import vn.ioc.console.report.NewReport;
import vn.ioc.console.report.ReportQuery;
import vn.ioc.console.report.ReportService;
import vn.ioc.console.report.TrackingCode;

/**
 * Open311 service requests: citizens post reports and anyone reads those of public categories.
 * A report of a private category is answered 404 by requests/{id}.json, exactly as an unknown
 * id, so the public API does not even confirm that it exists. A post may be form-encoded or
 * multipart; a multipart one may carry photos as {@code media} parts, which are checked and
 * re-encoded before anything is stored.
 */
@RestController
@RequestMapping(value = "/open311/v2", produces = MediaType.APPLICATION_JSON_VALUE)
class RequestsController {

    /** The spec's defaults: the last 90 days, at most 1000 requests. */
    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    static final int MAX_RESULTS = 1000;
    private static final Set<String> STATUSES = Set.of("open", "closed");

    private final ReportService reports;
    private final PostRateLimiter limiter;
    private final RegisteredApps apps;
    private final PhotoChecker photos;
    private final Clock clock;

    RequestsController(ReportService reports, PostRateLimiter limiter, PhotoChecker photos, RegisteredApps apps, Clock clock) {
        this.apps = apps;
        this.reports = reports;
        this.limiter = limiter;
        this.photos = photos;
        this.clock = clock;
    }

    @PostMapping("/requests.json")
    ResponseEntity<List<Receipt>> post(@RequestParam(name = "service_code", required = false) String serviceCode,
                                       @RequestParam(required = false) String lat,
                                       @RequestParam(name = "long", required = false) String lon,
                                       @RequestParam(required = false) String description,
                                       @RequestParam(required = false) String email,
                                       @RequestParam(name = "first_name", required = false) String firstName,
                                       @RequestParam(name = "last_name", required = false) String lastName,
                                       @RequestParam(required = false) String phone,
                                       @RequestParam(name = "media_url", required = false) String mediaUrl,
                                       @RequestParam(name = "address_string", required = false) String address,
                                       @RequestParam(name = "api_key", required = false) String apiKey,
                                       @RequestParam(name = "media", required = false) List<MultipartFile> media,
                                       HttpServletRequest request) {
        String client = blankToNull(apiKey);
        Optional<RegisteredApps.App> app = client == null ? Optional.empty() : apps.byKey(client);
        // counted before any check, so a flood of bad posts is limited too; an unknown key counts against its address
        limiter.tryPost(app.isPresent() ? "app:" + app.get().id() : "addr:" + request.getRemoteAddr()).ifPresent(seconds -> {
            throw Open311Exception.rateLimited(seconds);
        });
        if (client != null && app.isEmpty()) {
            throw new Open311Exception(HttpStatus.FORBIDDEN, "api_key is not registered; ask the city for one, or post without api_key");
        }
        if (app.isPresent() && app.get().revokedAt() != null) {
            throw new Open311Exception(HttpStatus.FORBIDDEN, "api_key was revoked at " + app.get().revokedAt());
        }
        if (blankToNull(serviceCode) == null) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "service_code is required");
        }
        List<Photo> checked = photos.check(media == null ? List.of() : media.stream().filter(RequestsController::sent).map(RequestsController::bytes).toList());
        Filing filing = reports.file(new NewReport(serviceCode.strip(), lat, lon, description == null || description.isBlank() ? null : description, name(firstName, lastName),
                blankToNull(email), blankToNull(phone), blankToNull(mediaUrl), blankToNull(address), app.map(a -> "app:" + a.id()).orElse(null)), checked);
        Receipt receipt = new Receipt(filing.report().id(), filing.followUpKey(), RequestView.notice(filing.report()), null);
        return ResponseEntity.status(HttpStatus.CREATED).body(List.of(receipt));
    }

    @GetMapping("/requests.json")
    List<RequestView> search(@RequestParam(name = "service_request_id", required = false) String ids,
                             @RequestParam(name = "service_code", required = false) String serviceCode,
                             @RequestParam(name = "start_date", required = false) String startDate,
                             @RequestParam(name = "end_date", required = false) String endDate,
                             @RequestParam(required = false) String status) {
        ReportQuery query;
        if (blankToNull(ids) != null) {
            // the spec: with ids given, the other filters do not apply
            query = new ReportQuery(list(ids).stream().map(TrackingCode::normalize).toList(),
                    null, null, null, null, MAX_RESULTS);
        } else {
            Instant end = Open311Time.parse(endDate, "end_date");
            Instant start = Open311Time.parse(startDate, "start_date");
            if (start == null) {
                start = (end != null ? end : clock.instant()).minus(DEFAULT_WINDOW);
            }
            List<String> statuses = list(status);
            statuses.stream().filter(s -> !STATUSES.contains(s)).findFirst().ifPresent(s -> {
                throw new Open311Exception(HttpStatus.BAD_REQUEST, "status must be open or closed but was '" + s + "'");
            });
            query = new ReportQuery(null, blankToNull(serviceCode), start, end, statuses, MAX_RESULTS);
        }
        return reports.searchPublic(query).stream().map(RequestView::of).toList();
    }

    @GetMapping("/requests/{id}.json")
    List<RequestView> show(@PathVariable String id) {
        return reports.findPublic(id).map(r -> List.of(RequestView.of(r)))
                .orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, "no service request with service_request_id '" + id + "'"));
    }

    /** An HTML form sends an empty, nameless part for a file input left empty. */
    private static boolean sent(MultipartFile file) {
        return !file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isEmpty());
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading an uploaded photo failed", e);
        }
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String name(String first, String last) {
        String name = ((first == null ? "" : first.strip()) + " " + (last == null ? "" : last.strip())).strip();
        return name.isEmpty() ? null : name;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
