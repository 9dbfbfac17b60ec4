package vn.ioc.console.report;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ioc.console.photo.Photo;
import vn.ioc.console.photo.PhotoRepository;

/**
 * Files citizens' reports: checks them, routes them to an agency with a deadline, links
 * near-duplicates to the report they repeat, stores them with their first event and then tells
 * the stream job.
 */
@Service
public class ReportService {

    static final int MAX_CODE_DRAWS = 5;

    private final ReportRepository reports;
    private final ReportRouter router;
    private final ReportPublisher publisher;
    private final PhotoRepository photos;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReportService(ReportRepository reports, ReportRouter router, ReportPublisher publisher, PhotoRepository photos,
                  TransactionTemplate transaction, Clock clock) {
        this.reports = reports;
        this.router = router;
        this.publisher = publisher;
        this.photos = photos;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Stores the report with a new follow-up key, then publishes it once the transaction has
     * committed, so what the stream job hears of is always in the database.
     *
     * @return the report and its follow-up key, for the citizen only
     * @throws UnknownCategoryException no category with that code
     * @throws InvalidReportException   a field is missing or wrong; the message says which
     */
    public Filing file(NewReport report) {
        return file(report, List.of());
    }

    /**
     * Files the report with its photos, already checked and re-encoded; the report and its photos
     * are stored in one transaction, so neither is kept without the other.
     */
    public Filing file(NewReport report, List<Photo> reportPhotos) {
        CategoryEntry category = reports.category(report.category() == null ? "" : report.category().strip())
                .orElseThrow(() -> new UnknownCategoryException(report.category()));
        Point point = ReportValidation.check(report, category);
        if (!router.withinProvince(point.lat(), point.lon())) {
            throw new InvalidReportException("the point " + point.lat() + ", " + point.lon() + " is outside Thừa Thiên Huế");
        }
        Instant now = clock.instant();
        Routing routing = router.route(category.category(), point.lat(), point.lon(), now);
        String key = FollowUpKey.next();
        String id = transaction.execute(status -> store(report, reportPhotos, category.category(), point, routing, key, now));
        FiledReport filed = reports.findAny(id).orElseThrow();
        publisher.publish(filed);
        return new Filing(filed, key);
    }

    private String store(NewReport report, List<Photo> reportPhotos, ReportCategory category, Point point, Routing routing, String key,
                         Instant now) {
        String original = reports.openOriginalNear(category.code(), point.lat(), point.lon(), now.minus(Duplicates.WINDOW)).orElse(null);
        for (int draw = 0; draw < MAX_CODE_DRAWS; draw++) {
            String id = TrackingCode.next();
            if (reports.insert(id, report, point.lat(), point.lon(), routing, original, FollowUpKey.hash(id, key), now)) {
                photos.store(id, reportPhotos, now);
                reports.addEvent(id, now, "citizen", "filed", "sent to " + routing.agency() + (routing.ward() == null ? "" : " in " + routing.ward()));
                if (original != null) {
                    reports.addEvent(id, now, "system", "duplicate", "linked as a duplicate of " + original);
                    reports.addEvent(original, now, "system", "duplicate", "report " + id + " repeats this one");
                }
                return id;
            }
        }
        throw new IllegalStateException("no free tracking code after " + MAX_CODE_DRAWS + " draws");
    }

    public Optional<FiledReport> findPublic(String trackingCode) {
        return reports.findPublic(TrackingCode.normalize(trackingCode));
    }

    public List<FiledReport> searchPublic(ReportQuery query) {
        return reports.searchPublic(query);
    }

    public List<CategoryEntry> activeCategories() {
        return reports.categories().stream().filter(CategoryEntry::active).toList();
    }

    public Optional<CategoryEntry> activeCategory(String code) {
        return reports.category(code).filter(CategoryEntry::active);
    }

    record Point(double lat, double lon) {
    }
}
