package vn.ioc.console.incident;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

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

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest
@Import(WebSliceConfig.class)
class IncidentApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestDatabase db;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    private String operator;

    @BeforeEach
    void operatorExists() {
        operator = TestUsers.create(users, encoder, Role.OPERATOR);
    }

    @Test
    void listWithoutCredentialsIs401NotARedirect() throws Exception {
        mvc.perform(get("/api/incidents").accept(MediaType.TEXT_HTML))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("Location"));
    }

    @Test
    void listWithWrongPasswordIs401() throws Exception {
        mvc.perform(get("/api/incidents").with(httpBasic(operator, "wrong")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void listWithHttpBasicOfARealUserGivesTheDocumentedShape() throws Exception {
        Incident i = TestIncidents.open("slice-open-" + System.nanoTime(), Instant.parse("2026-11-23T01:02:03.456Z"));
        // opened long ago but still active: listed
        TestIncidents.store(db, i);

        mvc.perform(get("/api/incidents").with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[?(@.id == '%s')].type", i.id()).value(hasItem("CONGESTION")))
                .andExpect(jsonPath("$[?(@.id == '%s')].severity", i.id()).value(hasItem("HIGH")))
                .andExpect(jsonPath("$[?(@.id == '%s')].status", i.id()).value(hasItem("OPEN")))
                .andExpect(jsonPath("$[?(@.id == '%s')].lat", i.id()).value(hasItem(TestIncidents.LAT)))
                .andExpect(jsonPath("$[?(@.id == '%s')].lon", i.id()).value(hasItem(TestIncidents.LON)))
                .andExpect(jsonPath("$[?(@.id == '%s')].openedAt", i.id()).value(hasItem("2026-11-23T01:02:03.456Z")))
                .andExpect(jsonPath("$[?(@.id == '%s')].ward", i.id()).value(hasItem("Phường Đông Ba")))
                .andExpect(jsonPath("$[?(@.id == '%s')].site", i.id()).value(hasItem("site-1")))
                .andExpect(jsonPath("$[?(@.id == '%s')].device", i.id()).value(hasItem("cam-1")))
                .andExpect(jsonPath("$[?(@.id == '%s')].metric", i.id()).value(hasItem("queue_length")))
                .andExpect(jsonPath("$[?(@.id == '%s')].value", i.id()).value(hasItem(42.0)))
                .andExpect(jsonPath("$[?(@.id == '%s')].summary", i.id()).value(hasItem("Queue of 42 m on Lê Duẩn")))
                .andExpect(jsonPath("$[?(@.id == '%s')].updatedAt", i.id()).value(hasItem("2026-11-23T01:02:03.456Z")))
                .andExpect(jsonPath("$[?(@.id == '%s')].closedAt", i.id()).value(hasItem((Object) null)));
    }

    @Test
    void listLeavesOutIncidentsClosedAndOpenedMoreThanADayAgo() throws Exception {
        Incident old = TestIncidents.open("slice-old-" + System.nanoTime(), Instant.now().minus(2, ChronoUnit.DAYS));
        TestIncidents.store(db, old);
        TestIncidents.store(db, TestIncidents.withStatus(old, Incident.Status.CLEARED));
        Incident recent = TestIncidents.open("slice-recent-" + System.nanoTime(), Instant.now().minus(1, ChronoUnit.HOURS));
        TestIncidents.store(db, recent);
        TestIncidents.store(db, TestIncidents.withStatus(recent, Incident.Status.CLEARED));

        mvc.perform(get("/api/incidents").with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(not(hasItem(old.id()))))
                .andExpect(jsonPath("$[?(@.id == '%s')].status", recent.id()).value(hasItem("CLEARED")))
                .andExpect(jsonPath("$[?(@.id == '%s')].active", recent.id()).value(hasItem(false)));
    }

    @Test
    void oneIncidentComesWithItsAuditTrail() throws Exception {
        Incident i = TestIncidents.open("slice-detail-" + System.nanoTime(), Instant.parse("2026-11-23T02:00:00Z"));
        TestIncidents.store(db, i);
        TestIncidents.store(db, TestIncidents.withStatus(i, Incident.Status.CLEARED));

        mvc.perform(get("/api/incidents/{id}", i.id()).with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(i.id()))
                .andExpect(jsonPath("$.status").value("CLEARED"))
                .andExpect(jsonPath("$.closedAt").value("2026-11-23T02:01:00Z"))
                .andExpect(jsonPath("$.events.length()").value(2))
                .andExpect(jsonPath("$.events[0].at").value("2026-11-23T02:00:00Z"))
                .andExpect(jsonPath("$.events[0].actor").value("stream-job"))
                .andExpect(jsonPath("$.events[0].action").value("opened"))
                .andExpect(jsonPath("$.events[1].action").value("updated"))
                .andExpect(jsonPath("$.events[0].detail").value("Queue of 42 m on Lê Duẩn"));
    }

    @Test
    void unknownIncidentIs404ProblemDetail() throws Exception {
        mvc.perform(get("/api/incidents/{id}", "no-such-incident").with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Not Found"))
                .andExpect(jsonPath("$.detail").value("no incident with id 'no-such-incident'"))
                .andExpect(jsonPath("$.instance").value("/api/incidents/no-such-incident"));
    }

    @Test
    void agencyStaffMayNotUseTheOperatorApiYet() throws Exception {
        String agency = TestUsers.create(users, encoder, Role.AGENCY);
        mvc.perform(get("/api/incidents").with(httpBasic(agency, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void disabledUserCannotLogIn() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE app_user SET enabled = false WHERE username = '" + operator + "'");
        }
        mvc.perform(get("/api/incidents").with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isUnauthorized());
    }

    private Incident stored(String name) {
        Incident i = TestIncidents.open(name + "-" + System.nanoTime(), Instant.now().minus(10, ChronoUnit.MINUTES));
        TestIncidents.store(db, i);
        return i;
    }

    private org.springframework.test.web.servlet.ResultActions post(String path, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(httpBasic(operator, TestUsers.PASSWORD)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void anOperatorAcknowledgesAssignsAndResolvesAnIncidentAndTheTrailNamesThem() throws Exception {
        Incident i = stored("slice-decide");
        post("/api/incidents/" + i.id() + "/acknowledge", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.active").value(true));
        post("/api/incidents/" + i.id() + "/assign", "{\"agency\":\"traffic-police\",\"note\":\"send a patrol\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignedAgency").value("traffic-police"));
        post("/api/incidents/" + i.id() + "/resolve", "{\"note\":\"  tow truck cleared the lane  \"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RESOLVED"))
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.closedAt").isNotEmpty())
                .andExpect(jsonPath("$.events[*].action").value(org.hamcrest.Matchers.contains("opened", "acknowledged", "assigned", "resolved")))
                .andExpect(jsonPath("$.events[1].actor").value(operator))
                .andExpect(jsonPath("$.events[2].detail").value("to traffic-police: send a patrol"))
                .andExpect(jsonPath("$.events[3].detail").value("tow truck cleared the lane"));

        // the job's next update does not reopen it (the store keeps the operator's decision)
        TestIncidents.store(db, TestIncidents.withStatus(i, Incident.Status.OPEN));
        mvc.perform(get("/api/incidents/{id}", i.id()).with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.status").value("RESOLVED"));
    }

    @Test
    void aDecisionThatDoesNotFitTheIncidentsStateIsAConflictWithTheReason() throws Exception {
        Incident i = stored("slice-conflict");
        post("/api/incidents/" + i.id() + "/resolve", "{\"note\":\"done\"}").andExpect(status().isOk());
        post("/api/incidents/" + i.id() + "/acknowledge", "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("incident '" + i.id() + "' is RESOLVED: it cannot be acknowledged"));
        post("/api/incidents/" + i.id() + "/resolve", "{\"note\":\"again\"}").andExpect(status().isConflict());
    }

    @Test
    void resolvingNeedsANoteAssigningAnAgencyCodeAndAnUnknownIncidentIs404() throws Exception {
        Incident i = stored("slice-bad");
        post("/api/incidents/" + i.id() + "/resolve", "{\"note\":\"  \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("expected a 'note' saying how the incident was resolved"));
        post("/api/incidents/" + i.id() + "/assign", "{\"agency\":\"<script>\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("expected 'agency' to be an agency code")));
        post("/api/incidents/no-such-incident/acknowledge", "{}").andExpect(status().isNotFound());
        mvc.perform(get("/api/incidents/{id}", i.id()).with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.events.length()").value(1));
    }

    @Test
    void aDecisionWithoutTheCsrfTokenIsRefused() throws Exception {
        Incident i = stored("slice-csrf");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/incidents/" + i.id() + "/acknowledge")
                        .with(httpBasic(operator, TestUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }
}
