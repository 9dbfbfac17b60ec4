package vn.ioc.console.device;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import vn.ioc.console.TestIncidents;
import vn.ioc.console.TestUsers;
import vn.ioc.console.WebSliceConfig;
import vn.ioc.console.security.AppUserRepository;
import vn.ioc.console.security.AppUserRepository.Role;
import vn.ioc.ingest.testing.TestDatabase;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** GET /api/devices/{site}/{device}/series: operators only, bounded hours, a metric name, 404 for unknown devices. */
@WebMvcTest
@Import(WebSliceConfig.class)
class SeriesApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestDatabase db;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    private String operator;
    private final String site = "series-site-" + System.nanoTime();
    private long seq;

    @BeforeEach
    void operatorAndSite() {
        operator = TestUsers.create(users, encoder, Role.OPERATOR);
        TestIncidents.register(db, TestIncidents.birth(site, "Cầu Trường Tiền", TestIncidents.LAT, TestIncidents.LON), "Phường Phú Hội");
    }

    private void reading(String metric, Instant at, double value) {
        jdbc.update("INSERT INTO observation (time, site, device, metric, unit, value, agent_id, seq, idx) VALUES (?, ?, 'aq-1', ?, 'ug/m3', ?, ?, ?, 0)",
                Timestamp.from(at), site, metric, value, "agent-" + site, seq++);
    }

    private String path(String device, String query) {
        return "/api/devices/" + site + "/" + device + "/series" + query;
    }

    @Test
    void withoutLoginIs401() throws Exception {
        mvc.perform(get(path("aq-1", "?metric=pm25&hours=6"))).andExpect(status().isUnauthorized());
    }

    @Test
    void agencyStaffAre403() throws Exception {
        String agency = TestUsers.create(users, encoder, Role.AGENCY);
        mvc.perform(get(path("aq-1", "?metric=pm25&hours=6")).with(httpBasic(agency, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void hoursOutsideOneToADayOrNotANumberAre400WithTheReason() throws Exception {
        for (String hours : new String[] {"0", "25", "-3", "six", "1.5"}) {
            mvc.perform(get(path("aq-1", "?metric=pm25&hours=" + hours)).with(httpBasic(operator, TestUsers.PASSWORD)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("expected 'hours' to be a whole number from 1 to 24 but was '" + hours + "'"));
        }
    }

    @Test
    void aMissingOrMalformedMetricIs400() throws Exception {
        mvc.perform(get(path("aq-1", "?hours=6")).with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("but was nothing")));
        mvc.perform(get(path("aq-1", "?metric=pm25%27%3B--&hours=6")).with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("expected 'metric'")));
    }

    @Test
    void anUnknownDeviceIs404() throws Exception {
        mvc.perform(get(path("no-such-device", "?metric=pm25&hours=6")).with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no device 'no-such-device' at site '" + site + "'"));
    }

    @Test
    void givesTheDevicesReadingsOfTheLastHoursAveragedPerBucketOldestFirst() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        reading("pm25", now.minusSeconds(3 * 3600), 30.0);
        reading("pm25", now.minusSeconds(3 * 3600).plusMillis(10), 50.0); // same one-minute bucket
        reading("pm25", now.minusSeconds(600), 80.0);
        reading("pm25", now.minusSeconds(7 * 3600), 999.0);                // before the window
        reading("pm10", now.minusSeconds(600), 1.0);                       // another metric

        mvc.perform(get(path("aq-1", "?metric=pm25&hours=6")).with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.metric").value("pm25"))
                .andExpect(jsonPath("$.unit").value("ug/m3"))
                .andExpect(jsonPath("$.bucketSeconds").value(60))
                .andExpect(jsonPath("$.points.length()").value(2))
                .andExpect(jsonPath("$.points[0].value").value(40.0))
                .andExpect(jsonPath("$.points[0].readings").value(2))
                .andExpect(jsonPath("$.points[1].value").value(80.0));
    }
}
