package vn.ioc.console.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ioc.console.cluster.ReplicaNotice;
import vn.ioc.console.cluster.ReplicaNotices;
import vn.ioc.console.system.BadRequestException;
import vn.ioc.console.system.ConflictException;
import vn.ioc.console.system.NotFoundException;

/**
 * Overdue reports go to the supervisors: an open report past its deadline is marked escalated
 * once (an {@code escalated} step in its history). Supervisors then hand it to another agency,
 * with a new deadline from its category's service level, or give its agency more time; either
 * clears the mark, as the citizen's reopening does, so a report overdue again escalates again.
 * Each of these changes reaches the operators' maps, on this console and (through a notice in
 * the same transaction) on the others.
 */
@Service
public class ReportEscalation {

    private static final Logger log = LoggerFactory.getLogger(ReportEscalation.class);

    private final JdbcTemplate jdbc;
    private final ReportRepository reports;
    private final ReportRouter router;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ReplicaNotices notices;

    public ReportEscalation(JdbcTemplate jdbc, ReportRepository reports, ReportRouter router, TransactionTemplate transaction, Clock clock,
                            ApplicationEventPublisher events, ReplicaNotices notices) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.router = router;
        this.transaction = transaction;
        this.clock = clock;
        this.events = events;
        this.notices = notices;
    }

    /**
     * Marks the open reports past their deadline and not yet escalated; returns their ids. One
     * UPDATE takes each row's lock, so consoles running this at once escalate a report only once.
     */
    public List<String> escalateOverdue() {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        List<String> ids = transaction.execute(status -> {
            List<String> escalated = jdbc.queryForList("""
                            UPDATE report SET escalated_at = ?, updated_at = ?
                             WHERE status = 'open' AND escalated_at IS NULL AND deadline < ?
                            RETURNING id""", String.class, at, at, at);
            escalated.forEach(id -> {
                reports.addEvent(id, now, "system", "escalated", "past its deadline; sent to the supervisors");
                notices.announce(ReplicaNotice.Kind.REPORT, id);
            });
            return escalated;
        });
        if (!ids.isEmpty()) {
            log.info("Escalated {} overdue report(s) to the supervisors: {}", ids.size(), ids);
        }
        ids.forEach(id -> events.publishEvent(new ReportChanged(id, "open")));
        return ids;
    }

    /** The open escalated reports of every agency, the longest overdue first. */
    public List<FiledReport> escalated() {
        return jdbc.query(ReportRepository.REPORTS + " WHERE r.status = 'open' AND r.escalated_at IS NOT NULL ORDER BY r.deadline, r.id",
                (rs, i) -> ReportRepository.filed(rs));
    }

    /** Hands an open report to another agency, with a new deadline counted from now. */
    public FiledReport reassign(String id, String actor, String agencyCode, String note) {
        String text = note(note);
        FiledReport report = open(id);
        Agency agency = reports.agency(agencyCode == null ? "" : agencyCode.strip())
                .orElseThrow(() -> new BadRequestException("agency must be one of " + reports.agencies().stream().map(Agency::code).toList()
                        + " but was '" + agencyCode + "'"));
        if (agency.code().equals(report.agency())) {
            throw new ConflictException("report '" + id + "' is already with agency '" + agency.code() + "'");
        }
        if (agency.scope() == Agency.Scope.WARD && report.ward() == null) {
            throw new ConflictException("report '" + id + "' is in no ward, so no ward People's Committee can answer it");
        }
        Instant now = clock.instant();
        Instant deadline = router.deadline(report.category().sla(), now);
        update(id, "UPDATE report SET agency = ?, deadline = ?, escalated_at = NULL, updated_at = ? WHERE id = ? AND status = 'open'",
                now, "reassigned", "to " + agency.code() + ": " + text, actor, agency.code(), Timestamp.from(deadline));
        return reports.findAny(id).orElseThrow();
    }

    /** Gives the report's agency until {@code deadline}, which must be later than now. */
    public FiledReport extend(String id, String actor, Instant deadline, String note) {
        String text = note(note);
        if (deadline == null) {
            throw new BadRequestException("deadline is required (ISO-8601, e.g. 2026-12-31T17:00:00+07:00)");
        }
        Instant now = clock.instant();
        if (!deadline.isAfter(now)) {
            throw new BadRequestException("deadline must be in the future but was " + deadline);
        }
        open(id);
        update(id, "UPDATE report SET deadline = ?, escalated_at = NULL, updated_at = ? WHERE id = ? AND status = 'open'",
                now, "extended", "until " + deadline + ": " + text, actor, Timestamp.from(deadline));
        return reports.findAny(id).orElseThrow();
    }

    private void update(String id, String sql, Instant now, String action, String detail, String actor, Object... leading) {
        Object[] args = new Object[leading.length + 2];
        System.arraycopy(leading, 0, args, 0, leading.length);
        args[leading.length] = Timestamp.from(now);
        args[leading.length + 1] = id;
        transaction.executeWithoutResult(status -> {
            if (jdbc.update(sql, args) != 1) {
                throw new ConflictException("report '" + id + "' is closed");
            }
            reports.addEvent(id, now, actor, action, detail);
            notices.announce(ReplicaNotice.Kind.REPORT, id);
        });
        events.publishEvent(new ReportChanged(id, "open"));
    }

    private FiledReport open(String id) {
        FiledReport report = reports.findAny(id).orElseThrow(() -> new NotFoundException("no report '" + id + "'"));
        if (!report.isOpen()) {
            throw new ConflictException("report '" + id + "' is closed");
        }
        return report;
    }

    private static String note(String note) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > ReportProgress.MAX_NOTES) {
            throw new BadRequestException("note is required, at most " + ReportProgress.MAX_NOTES + " characters, but was "
                    + (text.isEmpty() ? "empty" : text.length() + " characters"));
        }
        return text;
    }
}
