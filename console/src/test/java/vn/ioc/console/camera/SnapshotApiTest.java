package vn.ioc.console.camera;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import vn.ioc.console.TestIncidents;
import vn.ioc.console.TestUsers;
import vn.ioc.console.WebSliceConfig;
import vn.ioc.console.security.AppUserRepository;
import vn.ioc.console.security.AppUserRepository.Role;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.testing.TestDatabase;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** GET /api/incidents/{id}/snapshot.jpg: the kept camera picture, for operators only. */
@WebMvcTest
@Import(WebSliceConfig.class)
class SnapshotApiTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
    private static final byte[] OTHER = {(byte) 0xFF, (byte) 0xD8, 9, 9, (byte) 0xFF, (byte) 0xD9};

    @Autowired
    MockMvc mvc;
    @Autowired
    TestDatabase db;
    @Autowired
    SnapshotRepository snapshots;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    private String operator;
    private Incident incident;

    @BeforeEach
    void incidentWithASnapshot() {
        operator = TestUsers.create(users, encoder, Role.OPERATOR);
        incident = TestIncidents.open("snapshot-" + System.nanoTime(), Instant.now());
        TestIncidents.store(db, incident);
        Instant at = Instant.parse("2026-12-02T03:00:00Z");
        snapshots.keep(incident.id(), "site-1", "cam-1", at, SnapshotRepository.Source.EVENT, JPEG, at);
        snapshots.keep(incident.id(), "site-1", "cam-2", at.plusSeconds(5), SnapshotRepository.Source.FRAME, OTHER, at);
    }

    @Test
    void withoutLoginIs401() throws Exception {
        mvc.perform(get("/api/incidents/" + incident.id() + "/snapshot.jpg")).andExpect(status().isUnauthorized());
    }

    @Test
    void agencyStaffAre403() throws Exception {
        String agency = TestUsers.create(users, encoder, Role.AGENCY);
        mvc.perform(get("/api/incidents/" + incident.id() + "/snapshot.jpg").with(httpBasic(agency, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOperatorGetsTheFirstCamerasPictureOrTheNamedOnes() throws Exception {
        mvc.perform(get("/api/incidents/" + incident.id() + "/snapshot.jpg").with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_JPEG))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("private")))
                .andExpect(content().bytes(JPEG));
        mvc.perform(get("/api/incidents/" + incident.id() + "/snapshot.jpg?camera=cam-2").with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().bytes(OTHER));
    }

    @Test
    void noPictureIs404WithTheReason() throws Exception {
        mvc.perform(get("/api/incidents/" + incident.id() + "/snapshot.jpg?camera=cam-9").with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no camera picture kept for incident '" + incident.id() + "' from camera 'cam-9'"));
        mvc.perform(get("/api/incidents/unknown-incident/snapshot.jpg").with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void citizensPagesHaveNoWayToIt() throws Exception {
        mvc.perform(get("/public/incidents/" + incident.id() + "/snapshot.jpg")).andExpect(status().isNotFound());
    }

    @Test
    void theIncidentsDetailListsItsPicturesAndLinkedReports() throws Exception {
        mvc.perform(get("/api/incidents/" + incident.id()).with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.snapshots.length()").value(2))
                .andExpect(jsonPath("$.snapshots[0].camera").value("cam-1"))
                .andExpect(jsonPath("$.snapshots[0].source").value("EVENT"))
                .andExpect(jsonPath("$.snapshots[0].takenAt").value("2026-12-02T03:00:00Z"))
                .andExpect(jsonPath("$.reports").isEmpty());
    }
}
