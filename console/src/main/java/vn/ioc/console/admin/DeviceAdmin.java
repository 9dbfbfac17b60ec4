package vn.ioc.console.admin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Sites and devices as administrators see them: retired ones too, with the edge's public mark and
 * the administrator's settings apart (tables {@code site} and {@code device_setting}).
 */
@Repository
public class DeviceAdmin {

    /**
     * @param edgePublic whether the edge marks the camera public (its frames are privacy-filtered on the public topic)
     * @param hidden     an administrator took it off the public pages
     */
    public record Row(String site, String siteName, String birthName, String device, String kind, String type, Double lat, Double lon,
                      String ward, boolean moved, boolean online, String statusReason, Instant lastSeen, boolean edgePublic,
                      boolean hidden, Instant retiredAt) {
    }

    private static final String ROWS = """
            SELECT d.site, coalesce(s.name_override, s.name) AS site_name, s.name AS birth_name, d.id, d.kind, d.type,
                   coalesce(s.lat_override, s.lat) AS lat, coalesce(s.lon_override, s.lon) AS lon,
                   coalesce(s.ward_override, s.ward) AS ward, s.lat_override IS NOT NULL AS moved, s.online, s.status_reason,
                   s.last_seen, d.public, coalesce(ds.hidden, false) AS hidden, ds.retired_at
              FROM device d JOIN site s ON s.id = d.site
              LEFT JOIN device_setting ds ON ds.site = d.site AND ds.device = d.id""";

    private final JdbcTemplate jdbc;

    public DeviceAdmin(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> all() {
        return jdbc.query(ROWS + " ORDER BY d.site, d.id", (rs, i) -> row(rs));
    }

    public Optional<Row> find(String site, String device) {
        return jdbc.query(ROWS + " WHERE d.site = ? AND d.id = ?", (rs, i) -> row(rs), site, device).stream().findFirst();
    }

    public boolean siteExists(String site) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM site WHERE id = ?)", Boolean.class, site));
    }

    /** The administrator's name and place of a site; null name or place keeps the birth message's. */
    public void placeSite(String site, String name, Double lat, Double lon, String ward) {
        jdbc.update("UPDATE site SET name_override = ?, lat_override = ?, lon_override = ?, ward_override = ? WHERE id = ?",
                name, lat, lon, ward, site);
    }

    public void retire(String site, String device, Instant at) {
        jdbc.update("""
                INSERT INTO device_setting (site, device, retired_at) VALUES (?, ?, ?)
                ON CONFLICT (site, device) DO UPDATE SET retired_at = EXCLUDED.retired_at""", site, device, at == null ? null : Timestamp.from(at));
    }

    public void hide(String site, String device, boolean hidden) {
        jdbc.update("""
                INSERT INTO device_setting (site, device, hidden) VALUES (?, ?, ?)
                ON CONFLICT (site, device) DO UPDATE SET hidden = EXCLUDED.hidden""", site, device, hidden);
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp seen = rs.getTimestamp("last_seen");
        Timestamp retired = rs.getTimestamp("retired_at");
        double lat = rs.getDouble("lat");
        boolean noLat = rs.wasNull();
        double lon = rs.getDouble("lon");
        boolean noLon = rs.wasNull();
        return new Row(rs.getString("site"), rs.getString("site_name"), rs.getString("birth_name"), rs.getString("id"),
                rs.getString("kind").toLowerCase(java.util.Locale.ROOT), rs.getString("type"), noLat ? null : lat, noLon ? null : lon,
                rs.getString("ward"), rs.getBoolean("moved"), rs.getBoolean("online"), rs.getString("status_reason"),
                seen == null ? null : seen.toInstant(), rs.getBoolean("public"), rs.getBoolean("hidden"),
                retired == null ? null : retired.toInstant());
    }
}
