package vn.ioc.console.reportmap;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.ioc.console.report.Agency;

/** Recent reports of public categories for the public map; private categories never leave the database here. */
@Repository
class ReportMapRepository {

    private final JdbcTemplate jdbc;

    ReportMapRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reports filed since {@code since}, newest first, at most {@code limit}.
     *
     * @param category a category code, or null for all public ones
     * @param statuses the public statuses to keep, or empty for all
     */
    List<MapReport> recent(Instant since, String category, List<PublicStatus> statuses, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT r.lat, r.lon, r.category, c.name_vi AS c_name_vi, c.name_en AS c_name_en, r.ward, r.description,
                       r.status_notes, r.requested_at, a.name_vi AS a_name_vi, a.name_en AS a_name_en, a.scope,
                       (SELECT max(e.at) FROM report_event e WHERE e.report_id = r.id AND e.action IN ('answered', 'closed')) AS answered_at,
                """).append(PublicStatus.SQL).append(" AS public_status").append("""
                  FROM report r JOIN report_category c ON c.code = r.category JOIN agency a ON a.code = c.agency
                 WHERE c.public AND r.requested_at >= ?""");
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(since)));
        if (category != null) {
            sql.append(" AND r.category = ?");
            args.add(category);
        }
        if (!statuses.isEmpty()) {
            sql.append(" AND ").append(PublicStatus.SQL).append(" = ANY (?)");
            args.add(statuses.stream().map(PublicStatus::code).toArray(String[]::new));
        }
        sql.append(" ORDER BY r.requested_at DESC, r.id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> {
            boolean ward = Agency.Scope.WARD.name().equals(rs.getString("scope")) && rs.getString("ward") != null;
            String agencyVi = ward ? rs.getString("a_name_vi") + " – " + rs.getString("ward") : rs.getString("a_name_vi");
            String agencyEn = ward ? rs.getString("a_name_en") + " – " + rs.getString("ward") : rs.getString("a_name_en");
            Timestamp answered = rs.getTimestamp("answered_at");
            return new MapReport(rs.getDouble("lat"), rs.getDouble("lon"), rs.getString("category"), rs.getString("c_name_vi"),
                    rs.getString("c_name_en"), rs.getString("public_status"), rs.getString("ward"), agencyVi, agencyEn,
                    rs.getString("description"), rs.getString("status_notes"), answered == null ? null : answered.toInstant(),
                    rs.getTimestamp("requested_at").toInstant());
        }, args.toArray());
    }
}
