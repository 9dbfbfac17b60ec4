package vn.ioc.console.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ioc.console.cluster.ReplicaNotice;
import vn.ioc.console.cluster.ReplicaNotices;
import vn.ioc.console.system.BadRequestException;
import vn.ioc.console.system.ConflictException;
import vn.ioc.console.system.ForbiddenException;
import vn.ioc.console.system.NotFoundException;

/**
 * A report after it is filed: the agency answers it (and closes it), the citizen follows it with
 * the tracking code and, with the report's follow-up key, rates the answer and may reopen it once. Every change is stored with its
 * {@code report_event} in one transaction, which also tells the other consoles of an answer or a
 * reopening; time comes from the injected clock.
 */
@Service
public class ReportProgress {

    /** How long closed reports stay in the agency's queue, and how long the citizen may reopen one. */
    public static final Duration RECENTLY_CLOSED = Duration.ofDays(30);
    public static final int MAX_NOTES = 2000;
    public static final int MAX_COMMENT = 1000;

    private final ApplicationEventPublisher events;
    private final ReportRepository reports;
    private final ReportProgressRepository progress;
    private final ReportRouter router;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ReplicaNotices notices;

    ReportProgress(ReportRepository reports, ReportProgressRepository progress, ReportRouter router, TransactionTemplate transaction,
                   Clock clock, ApplicationEventPublisher events, ReplicaNotices notices) {
        this.events = events;
        this.notices = notices;
        this.reports = reports;
        this.progress = progress;
        this.router = router;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A report as its citizen follows it. */
    public record Followed(FiledReport report, List<ReportEvent> events, Optional<Rating> rating, Instant now) {

        /** Closed, never reopened, and closed within {@link #RECENTLY_CLOSED}. */
        public boolean reopenable() {
            return !report.isOpen() && report.reopenedAt() == null && !closedAt().plus(RECENTLY_CLOSED).isBefore(now);
        }

        private Instant closedAt() {
            return report.closedAt() != null ? report.closedAt() : report.updatedAt();
        }
    }

    /** The agency's queue (the ward's, when a ward is given): open reports by deadline, then the recently closed. */
    public List<FiledReport> queue(String agency, String ward) {
        return progress.queue(agency, ward, clock.instant().minus(RECENTLY_CLOSED));
    }

    /** The report of this tracking code with its history, of public categories and private ones alike (the code is the secret). */
    public Optional<Followed> follow(String trackingCode) {
        String id = TrackingCode.normalize(trackingCode);
        return reports.findAny(id).map(r -> new Followed(r, progress.events(id), progress.rating(id), clock.instant()));
    }

    /**
     * Checks the citizen's follow-up key for the report.
     *
     * @throws FollowUpKeyException the key is missing, wrong, or the report has none
     */
    public void checkKey(String id, String key) {
        if (key == null || key.isBlank()) {
            throw new FollowUpKeyException(FollowUpKeyException.Reason.MISSING);
        }
        String stored = reports.followUpKeyHash(id)
                .orElseThrow(() -> new FollowUpKeyException(FollowUpKeyException.Reason.NONE));
        if (!FollowUpKey.matches(id, stored, key)) {
            throw new FollowUpKeyException(FollowUpKeyException.Reason.WRONG);
        }
    }

    /** Whether the key is the report's follow-up key. */
    public boolean keyMatches(String id, String key) {
        return FollowUpKey.matches(id, reports.followUpKeyHash(id).orElse(null), key);
    }

    /**
     * Sets the agency's answer and closes the report when asked.
     *
     * @param mayAnswer whether the caller may answer this report; 403 when not
     * @throws NotFoundException no such report
     * @throws ConflictException the report is closed
     */
    public FiledReport answer(String id, String actor, Predicate<FiledReport> mayAnswer, String notes, boolean close) {
        String text = notes == null ? "" : notes.strip();
        if (text.isEmpty() || text.length() > MAX_NOTES) {
            throw new BadRequestException("notes are required, at most " + MAX_NOTES + " characters, but were "
                    + (text.isEmpty() ? "empty" : text.length() + " characters"));
        }
        FiledReport report = reports.findAny(id).orElseThrow(() -> new NotFoundException("no report '" + id + "'"));
        if (!mayAnswer.test(report)) {
            throw new ForbiddenException("report '" + id + "' is in another agency's queue");
        }
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            if (!progress.answer(id, text, close, now)) {
                throw new ConflictException("report '" + id + "' is closed; the citizen may reopen it");
            }
            reports.addEvent(id, now, actor, close ? "closed" : "answered", text);
            notices.announce(ReplicaNotice.Kind.REPORT, id);
        });
        FiledReport answered = reports.findAny(id).orElseThrow();
        events.publishEvent(new ReportChanged(id, answered.status()));
        return answered;
    }

    /**
     * The citizen opens a closed report again, once, within {@link #RECENTLY_CLOSED} of its closing;
     * the agency gets a new deadline counted from now.
     *
     * @param key the citizen's follow-up key
     * @throws FollowUpKeyException the key is missing or wrong
     * @throws ConflictException    the report is open, was reopened before, or was closed too long ago
     */
    public Followed reopen(String trackingCode, String key, String comment) {
        String text = optionalComment(comment);
        Followed followed = follow(trackingCode).orElseThrow(() -> new NotFoundException("no report '" + trackingCode + "'"));
        FiledReport r = followed.report();
        checkKey(r.id(), key);
        if (r.isOpen()) {
            throw new ConflictException("the report is still open");
        }
        if (r.reopenedAt() != null) {
            throw new ConflictException("the report was already reopened once");
        }
        if (!followed.reopenable()) {
            throw new ConflictException("the report was closed more than " + RECENTLY_CLOSED.toDays() + " days ago");
        }
        Instant now = clock.instant();
        Instant deadline = router.route(r.category(), r.lat(), r.lon(), now).deadline();
        transaction.executeWithoutResult(status -> {
            if (!progress.reopen(r.id(), deadline, now.minus(RECENTLY_CLOSED), now)) {
                throw new ConflictException("the report can no longer be reopened");
            }
            reports.addEvent(r.id(), now, "citizen", "reopened", text);
            notices.announce(ReplicaNotice.Kind.REPORT, r.id());
        });
        events.publishEvent(new ReportChanged(r.id(), "open"));
        return follow(r.id()).orElseThrow();
    }

    /**
     * The citizen rates the answer to a closed report; a new rating replaces the last, and each is recorded.
     *
     * @param key the citizen's follow-up key
     * @throws FollowUpKeyException the key is missing or wrong
     * @throws ConflictException    the report is not closed
     */
    public Followed rate(String trackingCode, String key, Integer stars, String comment) {
        if (stars == null || stars < 1 || stars > 5) {
            throw new BadRequestException("stars must be 1 to 5 but was " + stars);
        }
        String text = optionalComment(comment);
        FiledReport r = follow(trackingCode).orElseThrow(() -> new NotFoundException("no report '" + trackingCode + "'")).report();
        checkKey(r.id(), key);
        if (r.isOpen()) {
            throw new ConflictException("only a closed report can be rated");
        }
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            progress.rate(r.id(), stars, text, now);
            reports.addEvent(r.id(), now, "citizen", "rated", stars + "/5" + (text == null ? "" : ": " + text));
        });
        return follow(r.id()).orElseThrow();
    }

    private static String optionalComment(String comment) {
        String text = comment == null ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw new BadRequestException("comment must be at most " + MAX_COMMENT + " characters but was " + text.length());
        }
        return text == null || text.isEmpty() ? null : text;
    }
}
