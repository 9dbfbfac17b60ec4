package vn.ioc.console.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.ioc.ingest.contract.CameraEvent;
import vn.ioc.ingest.contract.CameraEventCodec;
import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.testing.TestDatabase;

/** Which picture an incident keeps, stored in a real migrated PostgreSQL. */
class IncidentSnapshotKeeperTest {

    private static final Instant T = Instant.parse("2026-12-02T03:00:00Z");
    private static final byte[] EVENT_JPEG = {(byte) 0xFF, (byte) 0xD8, 1, (byte) 0xFF, (byte) 0xD9};
    private static final byte[] FRAME_JPEG = {(byte) 0xFF, (byte) 0xD8, 2, (byte) 0xFF, (byte) 0xD9};

    private TestDatabase db;
    private SnapshotRepository snapshots;
    private FrameCache frames;
    private IncidentSnapshotKeeper keeper;

    @BeforeEach
    void setUp() {
        db = TestDatabase.freshSchema();
        snapshots = new SnapshotRepository(new JdbcTemplate(db.dataSource()));
        frames = new FrameCache(new CameraProperties(10, 1_000_000));
        keeper = new IncidentSnapshotKeeper(frames, snapshots, Clock.fixed(T.plusSeconds(5), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        keeper.destroy();
        db.drop();
    }

    private static CameraEvent event(String camera, Instant at, CameraEvent.State state, byte[] jpeg) {
        return new CameraEvent("agent-1", at.toEpochMilli(), "site-1", camera, at, CameraEvent.Type.STALLED_VEHICLE, state, "7", "lane 1",
                null, jpeg == null ? null : CameraEventCodec.SNAPSHOT_PREFIX + Base64.getEncoder().encodeToString(jpeg));
    }

    private static Incident incident(String id, Incident.Status status, Evidence... evidence) {
        return new Incident(id, Incident.Type.STALLED_VEHICLE, Incident.Severity.MEDIUM, status, "site-1", "cam-1", null, 16.46, 107.59,
                "w", T, T, null, null, "stalled vehicle in lane 1", 1, 0.5, List.of(evidence));
    }

    private static Evidence camera(String camera, Instant at) {
        return new Evidence(Evidence.Kind.CAMERA, camera, null, null, at, "stalled vehicle");
    }

    private List<SnapshotRepository.Kept> keptAfterTheWriter(String incidentId, int expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshots.of(incidentId).size() >= expected);
        return snapshots.of(incidentId);
    }

    @Test
    void theEventsOwnSnapshotIsKeptRatherThanTheLatestFrame() {
        frames.put("site-1", "cam-1", FRAME_JPEG, T.plusSeconds(4));
        keeper.onCameraEvent(event("cam-1", T.minusSeconds(120), CameraEvent.State.START, new byte[] {(byte) 0xFF, (byte) 0xD8, 9}));
        keeper.onCameraEvent(event("cam-1", T, CameraEvent.State.START, EVENT_JPEG));
        keeper.onCameraEvent(event("cam-2", T, CameraEvent.State.START, FRAME_JPEG));

        keeper.onIncident(incident("i-event", Incident.Status.OPEN, camera("cam-1", T.plusSeconds(1))));

        assertThat(keptAfterTheWriter("i-event", 1)).containsExactly(
                new SnapshotRepository.Kept("site-1", "cam-1", T, SnapshotRepository.Source.EVENT));
        assertThat(snapshots.jpeg("i-event", "cam-1")).contains(EVENT_JPEG);
    }

    @Test
    void withoutAnEventSnapshotAFrameReceivedCloseToTheTimeIsKept() {
        keeper.onCameraEvent(event("cam-1", T, CameraEvent.State.START, null)); // no picture in the event
        frames.put("site-1", "cam-1", FRAME_JPEG, T.plusSeconds(4));

        keeper.onIncident(incident("i-frame", Incident.Status.OPEN, camera("cam-1", T)));

        assertThat(keptAfterTheWriter("i-frame", 1)).containsExactly(
                new SnapshotRepository.Kept("site-1", "cam-1", T.plusSeconds(4), SnapshotRepository.Source.FRAME));
        assertThat(snapshots.jpeg("i-frame", null)).contains(FRAME_JPEG);
    }

    @Test
    void aFrameFarFromTheEventsTimeOrAnEndingEventIsNotAPictureOfTheIncident() throws InterruptedException {
        frames.put("site-1", "cam-1", FRAME_JPEG, T.minus(Duration.ofMinutes(5)));
        keeper.onCameraEvent(event("cam-1", T, CameraEvent.State.END, EVENT_JPEG));

        keeper.onIncident(incident("i-none", Incident.Status.OPEN, camera("cam-1", T)));
        keeper.onIncident(incident("i-sensor", Incident.Status.OPEN,
                new Evidence(Evidence.Kind.SENSOR, "loop-1", "speed", 3.0, T, "slow")));
        keeper.onIncident(incident("i-closed", Incident.Status.CLEARED, camera("cam-1", T)));
        frames.put("site-1", "cam-1", FRAME_JPEG, T);
        keeper.onIncident(incident("i-closed", Incident.Status.CLEARED, camera("cam-1", T)));

        keeper.onIncident(incident("i-marker", Incident.Status.OPEN, camera("cam-1", T))); // the writer is in order: this comes last
        keptAfterTheWriter("i-marker", 1);
        assertThat(snapshots.of("i-none")).isEmpty();
        assertThat(snapshots.of("i-sensor")).isEmpty();
        assertThat(snapshots.of("i-closed")).isEmpty();
    }

    @Test
    void theFirstPictureOfAnIncidentAndCameraStays() {
        keeper.onCameraEvent(event("cam-1", T, CameraEvent.State.START, EVENT_JPEG));
        keeper.onIncident(incident("i-once", Incident.Status.OPEN, camera("cam-1", T)));
        keptAfterTheWriter("i-once", 1);

        // another replica, or this one after a restart, offers a later picture
        snapshots.keep("i-once", "site-1", "cam-1", T.plusSeconds(9), SnapshotRepository.Source.FRAME, FRAME_JPEG, T.plusSeconds(9));

        assertThat(snapshots.jpeg("i-once", "cam-1")).contains(EVENT_JPEG);
    }
}
