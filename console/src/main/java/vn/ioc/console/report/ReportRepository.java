package vn.ioc.console.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The report tables of migration V2026_11_28_02. */
@Repository
public class ReportRepository {

    private static final String CATEGORY_COLUMNS = """
            c.code AS c_code, c.name_vi AS c_name_vi, c.name_en AS c_name_en, c.agency AS c_agency, c.sla_hours, c.sla_working_days,
            c.urgent, c.public, c.active, a.name_vi AS agency_name, a.scope AS agency_scope""";

    static final String REPORTS = "SELECT r.*, " + CATEGORY_COLUMNS
            + " FROM report r JOIN report_category c ON c.code = r.category JOIN agency a ON a.code = c.agency";

    /** Reports of private categories are for the agencies only. */
    private static final String PUBLIC_REPORTS = REPORTS + " WHERE c.public";

    private final JdbcTemplate jdbc;

    public ReportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the catalog's agencies and categories that are not stored yet; stored ones keep their edits. */
    public void seed(Catalog catalog) {
        for (ReportCategory c : catalog.categories()) {
            catalog.agency(c.agency()).ifPresent(a -> jdbc.update(
                    "INSERT INTO agency (code, name_vi, name_en, scope) VALUES (?, ?, ?, ?) ON CONFLICT (code) DO NOTHING",
                    a.code(), a.nameVi(), a.nameEn(), a.scope().name()));
            ServiceLevel sla = c.sla();
            jdbc.update("""
                            INSERT INTO report_category (code, name_vi, name_en, agency, sla_hours, sla_working_days, urgent, public, active)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, true) ON CONFLICT (code) DO NOTHING""",
                    c.code(), c.nameVi(), c.nameEn(), c.agency(), sla.hours() == null ? null : (int) sla.hours().toHours(),
                    sla.workingDays(), c.urgent(), c.isPublic());
        }
    }

    public Optional<Agency> agency(String code) {
        return jdbc.query("SELECT code, name_vi, name_en, scope FROM agency WHERE code = ?", (rs, i) -> agency(rs), code)
                .stream().findFirst();
    }

    public List<Agency> agencies() {
        return jdbc.query("SELECT code, name_vi, name_en, scope FROM agency ORDER BY code", (rs, i) -> agency(rs));
    }

    private static Agency agency(ResultSet rs) throws SQLException {
        return new Agency(rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"), Agency.Scope.valueOf(rs.getString("scope")));
    }

    public List<CategoryEntry> categories() {
        return jdbc.query("SELECT " + CATEGORY_COLUMNS + " FROM report_category c JOIN agency a ON a.code = c.agency ORDER BY c_code",
                (rs, i) -> categoryEntry(rs));
    }

    public Optional<CategoryEntry> category(String code) {
        return jdbc.query("SELECT " + CATEGORY_COLUMNS + " FROM report_category c JOIN agency a ON a.code = c.agency WHERE c.code = ?",
                (rs, i) -> categoryEntry(rs), code).stream().findFirst();
    }

    /** The nearest open report of the category within the duplicate radius, filed since then and not itself a duplicate. */
    public Optional<String> openOriginalNear(String category, double lat, double lon, Instant since) {
        double dLat = Duplicates.latitudeMargin();
        double dLon = Duplicates.longitudeMargin(lat);
        record Candidate(String id, double metres) {
        }
        return jdbc.query("""
                                SELECT id, lat, lon FROM report
                                 WHERE category = ? AND status = 'open' AND duplicate_of IS NULL AND requested_at >= ?
                                   AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?""",
                        (rs, i) -> new Candidate(rs.getString("id"), Duplicates.metres(lat, lon, rs.getDouble("lat"), rs.getDouble("lon"))),
                        category, Timestamp.from(since), lat - dLat, lat + dLat, lon - dLon, lon + dLon)
                .stream()
                .filter(c -> c.metres() <= Duplicates.RADIUS_METRES)
                .min(Comparator.comparingDouble(Candidate::metres))
                .map(Candidate::id);
    }

    /**
     * Stores a new report; false when its id is taken (a new tracking code is then drawn).
     *
     * @param followUpKeySha256 {@link FollowUpKey#hash} of the citizen's key, or null for none
     */
    public boolean insert(String id, NewReport r, double lat, double lon, Routing routing, String duplicateOf,
                          String followUpKeySha256, Instant at) {
        return jdbc.update("""
                        INSERT INTO report (id, category, lat, lon, ward, agency, description, contact_name, contact_email,
                                            contact_phone, status, deadline, duplicate_of, media_url, address, requested_at, updated_at, client,
                                            follow_up_key_sha256)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                id, r.category(), lat, lon, routing.ward(), routing.agency(), r.description(), r.contactName(), r.email(),
                r.phone(), Timestamp.from(routing.deadline()), duplicateOf, r.mediaUrl(), r.address(), Timestamp.from(at),
                Timestamp.from(at), r.client(), followUpKeySha256) == 1;
    }

    /** The stored hash of the report's follow-up key; empty for no such report, or one filed before keys existed. */
    public Optional<String> followUpKeyHash(String id) {
        return jdbc.query("SELECT follow_up_key_sha256 FROM report WHERE id = ?", (rs, i) -> Optional.ofNullable(rs.getString(1)), id)
                .stream().findFirst().flatMap(h -> h);
    }

    public void addEvent(String reportId, Instant at, String actor, String action, String detail) {
        jdbc.update("INSERT INTO report_event (report_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)",
                reportId, Timestamp.from(at), actor, action, detail);
    }

    public Optional<FiledReport> findAny(String id) {
        return jdbc.query(REPORTS + " WHERE r.id = ?", (rs, i) -> filed(rs), id).stream().findFirst();
    }

    /** A report of a public category. */
    public Optional<FiledReport> findPublic(String id) {
        return jdbc.query(PUBLIC_REPORTS + " AND r.id = ?", (rs, i) -> filed(rs), id).stream().findFirst();
    }

    public List<FiledReport> searchPublic(ReportQuery q) {
        StringBuilder sql = new StringBuilder(PUBLIC_REPORTS);
        List<Object> args = new ArrayList<>();
        if (q.ids() != null && !q.ids().isEmpty()) {
            sql.append(" AND r.id = ANY (?)");
            args.add(q.ids().toArray(String[]::new));
        } else {
            if (q.category() != null) {
                sql.append(" AND r.category = ?");
                args.add(q.category());
            }
            if (q.start() != null) {
                sql.append(" AND r.requested_at >= ?");
                args.add(Timestamp.from(q.start()));
            }
            if (q.end() != null) {
                sql.append(" AND r.requested_at < ?");
                args.add(Timestamp.from(q.end()));
            }
            if (q.statuses() != null && !q.statuses().isEmpty()) {
                sql.append(" AND r.status = ANY (?)");
                args.add(q.statuses().toArray(String[]::new));
            }
        }
        sql.append(" ORDER BY r.requested_at DESC, r.id LIMIT ?");
        args.add(q.limit());
        return jdbc.query(sql.toString(), (rs, i) -> filed(rs), args.toArray());
    }

    /** The duplicates linked to each of these reports, by original, oldest first (reports with none are left out). */
    public java.util.Map<String, List<String>> duplicatesOf(java.util.Collection<String> originals) {
        java.util.Map<String, List<String>> byOriginal = new java.util.HashMap<>();
        if (originals.isEmpty()) {
            return byOriginal;
        }
        jdbc.query("SELECT duplicate_of, id FROM report WHERE duplicate_of = ANY (?) ORDER BY requested_at, id",
                rs -> {
                    byOriginal.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }, (Object) originals.toArray(String[]::new));
        return byOriginal;
    }

    /** The broker took the report: the outbox sweep leaves it alone from now on. */
    public void markPublished(String id, Instant at) {
        jdbc.update("UPDATE report SET published_at = ? WHERE id = ? AND published_at IS NULL", Timestamp.from(at), id);
    }

    /** Reports the broker has not taken yet, however new: the outbox's depth. */
    public long countUnpublished() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM report WHERE published_at IS NULL", Long.class);
        return n == null ? 0 : n;
    }

    /** Reports filed before the given instant that the broker never took, oldest first. */
    public List<FiledReport> unpublished(Instant filedBefore, int limit) {
        return jdbc.query(REPORTS + " WHERE r.published_at IS NULL AND r.requested_at < ? ORDER BY r.requested_at, r.id LIMIT ?",
                (rs, i) -> filed(rs), Timestamp.from(filedBefore), limit);
    }

    /**
     * The reports operators see on the map, private categories included: those of the given
     * statuses ({@code open}, {@code closed}; both when empty) that are open or changed since
     * {@code changedSince}, newest first, at most {@code limit}.
     */
    public List<FiledReport> forOperators(List<String> statuses, String category, Instant changedSince, int limit) {
        StringBuilder sql = new StringBuilder(REPORTS).append(" WHERE (r.status = 'open' OR r.updated_at >= ?)");
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(changedSince));
        if (!statuses.isEmpty()) {
            sql.append(" AND r.status = ANY (?)");
            args.add(statuses.toArray(String[]::new));
        }
        if (category != null) {
            sql.append(" AND r.category = ?");
            args.add(category);
        }
        sql.append(" ORDER BY r.requested_at DESC, r.id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> filed(rs), args.toArray());
    }

    private static CategoryEntry categoryEntry(ResultSet rs) throws SQLException {
        return new CategoryEntry(category(rs), rs.getString("agency_name"), Agency.Scope.valueOf(rs.getString("agency_scope")),
                rs.getBoolean("active"));
    }

    static ReportCategory category(ResultSet rs) throws SQLException {
        int hours = rs.getInt("sla_hours");
        ServiceLevel sla = rs.wasNull() ? ServiceLevel.ofWorkingDays(rs.getInt("sla_working_days")) : new ServiceLevel(Duration.ofHours(hours), null);
        return new ReportCategory(rs.getString("c_code"), rs.getString("c_name_vi"), rs.getString("c_name_en"), rs.getString("c_agency"),
                sla, rs.getBoolean("urgent"), rs.getBoolean("public"));
    }

    static FiledReport filed(ResultSet rs) throws SQLException {
        return new FiledReport(rs.getString("id"), category(rs), rs.getString("agency_name"),
                Agency.Scope.valueOf(rs.getString("agency_scope")), rs.getDouble("lat"), rs.getDouble("lon"),
                rs.getString("ward"), rs.getString("agency"), rs.getString("description"), rs.getString("address"),
                rs.getString("status"), rs.getString("status_notes"), instant(rs, "deadline"), rs.getString("duplicate_of"),
                rs.getString("media_url"), instant(rs, "requested_at"), instant(rs, "updated_at"), instant(rs, "closed_at"),
                instant(rs, "reopened_at"), instant(rs, "escalated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
