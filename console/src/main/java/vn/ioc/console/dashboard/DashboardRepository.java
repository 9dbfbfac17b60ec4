package vn.ioc.console.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's figures, each one query over the stores. Operators' decisions are the events
 * without a version (the job's have one); a duplicate report follows its original and is not
 * counted twice.
 */
@Repository
public class DashboardRepository {

    /** The period the means and report counts cover. */
    static final Duration PERIOD = Duration.ofDays(30);
    static final int WARDS = 15;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DashboardRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Dashboard now() {
        Instant now = clock.instant();
        Instant since = now.minus(PERIOD);
        return new Dashboard(since, openBy("type", Integer.MAX_VALUE), openBy("coalesce(ward, '–')", WARDS),
                meanTime(since, "'acknowledged', 'assigned'"), meanTime(since, "'resolved'"), reports(since, now));
    }

    private List<Dashboard.Count> openBy(String column, int limit) {
        return jdbc.query("SELECT " + column + " AS k, count(*) AS n FROM incident WHERE status IN ('OPEN', 'ACKNOWLEDGED') "
                        + "GROUP BY k ORDER BY n DESC, k LIMIT ?",
                (rs, i) -> new Dashboard.Count(rs.getString("k"), rs.getLong("n")), limit);
    }

    /** From an incident's opening to the operators' first event of these actions, over incidents opened since. */
    private Dashboard.Mean meanTime(Instant since, String actions) {
        return jdbc.queryForObject("""
                SELECT avg(extract(epoch FROM e.first_at - i.opened_at)) / 60 AS minutes, count(*) AS n
                FROM incident i
                JOIN (SELECT incident_id, min(at) AS first_at FROM incident_event
                      WHERE version IS NULL AND action IN (%s) GROUP BY incident_id) e ON e.incident_id = i.id
                WHERE i.opened_at >= ?""".formatted(actions),
                (rs, i) -> {
                    double m = rs.getDouble("minutes");
                    return new Dashboard.Mean(rs.wasNull() ? null : Math.round(m * 10) / 10.0, rs.getLong("n"));
                }, Timestamp.from(since));
    }

    private List<Dashboard.AgencyReports> reports(Instant since, Instant now) {
        Timestamp t = Timestamp.from(now);
        return jdbc.query("""
                SELECT r.agency, a.name_vi,
                       count(*) FILTER (WHERE r.status = 'closed' AND coalesce(c.closed_at, r.updated_at) <= r.deadline) AS on_time,
                       count(*) FILTER (WHERE (r.status = 'closed' AND coalesce(c.closed_at, r.updated_at) > r.deadline)
                                           OR (r.status = 'open' AND r.deadline < ?)) AS late,
                       count(*) FILTER (WHERE r.status = 'open' AND r.deadline >= ?) AS pending
                FROM report r
                JOIN agency a ON a.code = r.agency
                LEFT JOIN (SELECT report_id, max(at) AS closed_at FROM report_event WHERE action = 'closed' GROUP BY report_id) c
                       ON c.report_id = r.id
                WHERE r.requested_at >= ? AND r.duplicate_of IS NULL
                GROUP BY r.agency, a.name_vi
                ORDER BY r.agency""",
                (rs, i) -> new Dashboard.AgencyReports(rs.getString(1), rs.getString(2), rs.getLong("on_time"), rs.getLong("late"),
                        rs.getLong("pending")), t, t, Timestamp.from(since));
    }
}
