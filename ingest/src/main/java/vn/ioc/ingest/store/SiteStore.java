package vn.ioc.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.ioc.ingest.contract.SiteStatus;

/** Edge sites and their devices: registered from birth messages, marked on- and offline. */
public final class SiteStore {

    private SiteStore() {
    }

    /** Registers a site as its birth message describes it, online; its device list replaces the previous one. */
    public static void registerBirth(Connection c, SiteStatus birth, String ward) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO site (id, agent_id, name, lat, lon, ward, online, status_reason, status_at, last_seen, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, true, NULL, ?, ?, now())
                    ON CONFLICT (id) DO UPDATE SET agent_id = EXCLUDED.agent_id, name = EXCLUDED.name, lat = EXCLUDED.lat,
                        lon = EXCLUDED.lon, ward = EXCLUDED.ward, online = true, status_reason = NULL,
                        status_at = EXCLUDED.status_at, last_seen = GREATEST(site.last_seen, EXCLUDED.last_seen), updated_at = now()""")) {
                ps.setString(1, birth.site());
                ps.setString(2, birth.agent());
                ps.setString(3, birth.name());
                IncidentStore.setDouble(ps, 4, birth.lat());
                IncidentStore.setDouble(ps, 5, birth.lon());
                ps.setString(6, ward);
                ps.setTimestamp(7, Timestamp.from(birth.time()));
                ps.setTimestamp(8, Timestamp.from(birth.time()));
                ps.executeUpdate();
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM device WHERE site = ?")) {
                del.setString(1, birth.site());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO device (site, id, kind, type, public) VALUES (?, ?, ?, ?, ?)")) {
                for (SiteStatus.Device d : birth.devices()) {
                    ps.setString(1, birth.site());
                    ps.setString(2, d.id());
                    ps.setString(3, d.kind().name());
                    ps.setString(4, d.type());
                    ps.setBoolean(5, d.isPublic());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /**
     * Marks a known site on- or offline. The stream job decides the order of a site's
     * changes (they are keyed by site), so the last write wins here.
     */
    public static void markStatus(Connection c, String site, boolean online, String reason, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE site SET online = ?, status_reason = ?, status_at = ?, updated_at = now() WHERE id = ?")) {
            ps.setBoolean(1, online);
            ps.setString(2, reason);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setString(4, site);
            ps.executeUpdate();
        }
    }

    public static void markSeen(Connection c, String site, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE site SET last_seen = ? WHERE id = ? AND (last_seen IS NULL OR last_seen < ?)")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, site);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /** A sensor or camera with its site's place and state, as the map shows it. */
    public record DeviceView(String site, String siteName, String id, String kind, String type, boolean isPublic,
                             Double lat, Double lon, String ward, boolean online, String statusReason, Instant lastSeen) {
    }

    /**
     * An administrator's name and place of a site win over the birth message's; a device is public
     * when its edge marks it so (only then are its frames privacy-filtered on the public topic) and
     * no administrator hid it. Retired devices are left out.
     */
    private static final String DEVICES = """
            SELECT d.site, coalesce(s.name_override, s.name) AS name, d.id, d.kind, d.type,
                   d.public AND NOT coalesce(ds.hidden, false) AS public,
                   coalesce(s.lat_override, s.lat) AS lat, coalesce(s.lon_override, s.lon) AS lon,
                   coalesce(s.ward_override, s.ward) AS ward, s.online, s.status_reason, s.last_seen
            FROM device d JOIN site s ON s.id = d.site
            LEFT JOIN device_setting ds ON ds.site = d.site AND ds.device = d.id
            WHERE ds.retired_at IS NULL""";

    public static List<DeviceView> devices(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DEVICES + " ORDER BY d.site, d.id")) {
            return deviceRows(ps);
        }
    }

    /** The public cameras, for citizens' pages. */
    public static List<DeviceView> publicCameras(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DEVICES
                + " AND d.public AND NOT coalesce(ds.hidden, false) AND d.kind = 'CAMERA' ORDER BY d.site, d.id")) {
            return deviceRows(ps);
        }
    }

    public static java.util.Optional<DeviceView> device(Connection c, String site, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DEVICES + " AND d.site = ? AND d.id = ?")) {
            ps.setString(1, site);
            ps.setString(2, id);
            return deviceRows(ps).stream().findFirst();
        }
    }

    private static List<DeviceView> deviceRows(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<DeviceView> out = new ArrayList<>();
            while (rs.next()) {
                Timestamp seen = rs.getTimestamp("last_seen");
                out.add(new DeviceView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBoolean(6), IncidentStore.getDouble(rs, "lat"), IncidentStore.getDouble(rs, "lon"),
                        rs.getString("ward"), rs.getBoolean("online"), rs.getString("status_reason"),
                        seen == null ? null : seen.toInstant()));
            }
            return out;
        }
    }
}
