package vn.ioc.console;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.store.IncidentStore;
import vn.ioc.ingest.store.SiteStore;
import vn.ioc.ingest.testing.TestDatabase;

/** Incidents and sites as the stream job would write and publish them, placed in Huế. */
public final class TestIncidents {

    /** Near Đông Ba market, inside Phường Đông Ba. */
    public static final double LAT = 16.4725;
    public static final double LON = 107.5862;

    private TestIncidents() {
    }

    public static Incident open(String id, Instant openedAt) {
        Instant t = openedAt.truncatedTo(ChronoUnit.MILLIS);
        return new Incident(id, Incident.Type.CONGESTION, Incident.Severity.HIGH, Incident.Status.OPEN,
                "site-1", "cam-1", "queue_length", LAT, LON, "Phường Đông Ba", t, t, null, 42.0,
                "Queue of 42 m on Lê Duẩn", 1, 0.6, java.util.List.of());
    }

    /** The next version of the incident with another status; closed ones get a closing time. */
    public static Incident withStatus(Incident i, Incident.Status status) {
        Instant now = i.updatedAt().plusSeconds(60);
        return new Incident(i.id(), i.type(), i.severity(), status, i.site(), i.device(), i.metric(), i.lat(), i.lon(),
                i.ward(), i.openedAt(), now, status.isActive() ? null : now, i.value(), i.summary(), i.version() + 1,
                i.confidence(), i.evidence());
    }

    /** With the text in the ward, the summary and an evidence entry's source. */
    public static Incident withText(Incident i, String ward, String summary) {
        return new Incident(i.id(), i.type(), i.severity(), i.status(), i.site(), i.device(), i.metric(), i.lat(), i.lon(),
                ward, i.openedAt(), i.updatedAt(), i.closedAt(), i.value(), summary, i.version(), i.confidence(),
                java.util.List.of(new vn.ioc.ingest.contract.Evidence(vn.ioc.ingest.contract.Evidence.Kind.REPORT, summary, null, null,
                        i.updatedAt(), summary)));
    }

    public static void store(TestDatabase db, Incident i) {
        try (Connection c = db.connect()) {
            IncidentStore.applyFromJob(c, i, i.version() == 1 ? "opened" : "updated", i.summary());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SiteStatus birth(String site, String name, double lat, double lon) {
        return SiteStatus.birth("agent-" + site, site, Instant.now().truncatedTo(ChronoUnit.MILLIS), name, lat, lon, List.of(
                new SiteStatus.Device("aq-1", SiteStatus.Kind.SENSOR, "air_quality", false),
                new SiteStatus.Device("cam-1", SiteStatus.Kind.CAMERA, "traffic", true)));
    }

    public static void register(TestDatabase db, SiteStatus birth, String ward) {
        try (Connection c = db.connect()) {
            SiteStore.registerBirth(c, birth, ward);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
