package vn.ioc.console.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What happens to a report after it is filed: the agency's queue, answers, reopening and ratings. */
@Repository
public class ReportProgressRepository {

    private final JdbcTemplate jdbc;

    public ReportProgressRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The reports routed to the agency (and ward, when given): open ones first, soonest deadline
     * first, then those closed since {@code closedSince}, most recently closed first.
     */
    public List<FiledReport> queue(String agency, String ward, Instant closedSince) {
        StringBuilder sql = new StringBuilder(ReportRepository.REPORTS).append(" WHERE r.agency = ?");
        List<Object> args = new ArrayList<>(List.of(agency));
        if (ward != null) {
            sql.append(" AND r.ward = ?");
            args.add(ward);
        }
        sql.append(" ").append("""
                 AND (r.status = 'open' OR coalesce(r.closed_at, r.updated_at) >= ?)
                 ORDER BY r.status = 'open' DESC,
                          CASE WHEN r.status = 'open' THEN r.deadline END,
                          coalesce(r.closed_at, r.updated_at) DESC, r.id""");
        args.add(Timestamp.from(closedSince));
        return jdbc.query(sql.toString(), (rs, i) -> ReportRepository.filed(rs), args.toArray());
    }

    public List<ReportEvent> events(String reportId) {
        return jdbc.query("SELECT at, actor, action, detail FROM report_event WHERE report_id = ? ORDER BY at, id",
                (rs, i) -> new ReportEvent(rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"),
                        rs.getString("detail")), reportId);
    }

    /** Sets the agency's answer on an open report, closing it when asked; false when it is not open (any more). */
    public boolean answer(String id, String notes, boolean close, Instant at) {
        Timestamp now = Timestamp.from(at);
        return jdbc.update("""
                        UPDATE report SET status_notes = ?, status = CASE WHEN ? THEN 'closed' ELSE status END,
                                          closed_at = CASE WHEN ? THEN ? ELSE closed_at END, updated_at = ?
                         WHERE id = ? AND status = 'open'""",
                notes, close, close, now, now, id) == 1;
    }

    /**
     * Opens a closed report again with a new deadline, if it was closed since {@code closedSince}
     * and never reopened; false otherwise.
     */
    public boolean reopen(String id, Instant deadline, Instant closedSince, Instant at) {
        Timestamp now = Timestamp.from(at);
        return jdbc.update("""
                        UPDATE report SET status = 'open', reopened_at = ?, deadline = ?, updated_at = ?, escalated_at = NULL
                         WHERE id = ? AND status = 'closed' AND reopened_at IS NULL AND coalesce(closed_at, updated_at) >= ?""",
                now, Timestamp.from(deadline), now, id, Timestamp.from(closedSince)) == 1;
    }

    /** Stores the rating, replacing an earlier one. */
    public void rate(String id, int stars, String comment, Instant at) {
        jdbc.update("""
                        INSERT INTO report_rating (report_id, stars, comment, rated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (report_id) DO UPDATE SET stars = EXCLUDED.stars, comment = EXCLUDED.comment, rated_at = EXCLUDED.rated_at""",
                id, stars, comment, Timestamp.from(at));
    }

    public Optional<Rating> rating(String id) {
        return jdbc.query("SELECT stars, comment, rated_at FROM report_rating WHERE report_id = ?",
                (rs, i) -> new Rating(rs.getInt("stars"), rs.getString("comment"), rs.getTimestamp("rated_at").toInstant()), id)
                .stream().findFirst();
    }
}
