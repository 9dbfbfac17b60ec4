package vn.ioc.console.open311;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import vn.ioc.console.TestApps;
import vn.ioc.console.WebSliceConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Open311 API in the web slice, where there is no broker: reports are still taken and stored. */
@WebMvcTest
@Import(WebSliceConfig.class)
class Open311ApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RegisteredApps apps;

    @Test
    void postWithoutLoginOrCsrfTokenIsStoredWhileTheBrokerIsAway() throws Exception {
        String body = mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("service_code", "waste").param("lat", "16.469").param("long", "107.597")
                        .param("description", "Rác").param("api_key", TestApps.register(apps, "slice-app")))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();

        String id = JsonMapper.builder().build().readTree(body).get(0).path("service_request_id").asString();
        assertThat(jdbc.queryForObject("SELECT ward FROM report WHERE id = ?", String.class, id)).isEqualTo("Phường Phú Hội");
    }

    @Test
    void servicesNeedNoLogin() throws Exception {
        mvc.perform(get("/open311/v2/services.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_code").exists());
    }

    @Test
    void postOfJsonInsteadOfAFormIsAnOpen311Error() throws Exception {
        mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_JSON).content("{\"service_code\":\"waste\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400))
                .andExpect(jsonPath("$[0].description", startsWith("service_code is required")));
    }
}
