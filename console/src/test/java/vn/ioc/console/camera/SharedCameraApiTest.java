package vn.ioc.console.camera;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import vn.ioc.console.TestIncidents;
import vn.ioc.console.WebSliceConfig;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.testing.TestDatabase;

/** Citizens see the cameras marked public, and only the frames that came on the public topic. */
@WebMvcTest
@Import(WebSliceConfig.class)
class SharedCameraApiTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 7, (byte) 0xFF, (byte) 0xD9};

    @Autowired
    MockMvc mvc;
    @Autowired
    FrameCache frames;
    @Autowired
    TestDatabase db;

    private String site() {
        String site = "shared-" + System.nanoTime();
        TestIncidents.register(db, SiteStatus.birth("agent-" + site, site, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                "Cầu Trường Tiền", 16.4683, 107.5886, List.of(
                        new SiteStatus.Device("cam-public", SiteStatus.Kind.CAMERA, "traffic", true),
                        new SiteStatus.Device("cam-internal", SiteStatus.Kind.CAMERA, "traffic", false),
                        new SiteStatus.Device("aq-1", SiteStatus.Kind.SENSOR, "air-quality", true))), "Phường Phú Hội");
        return site;
    }

    @Test
    void onlyPublicCamerasAreListedWithoutALogin() throws Exception {
        String site = site();
        frames.put(site, "cam-public", JPEG, Instant.parse("2026-11-28T03:00:00Z"), true);
        mvc.perform(get("/public/cameras.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.site == '%s')].camera", site).value(Matchers.contains("cam-public")))
                .andExpect(jsonPath("$[?(@.site == '%s')].name", site).value(Matchers.contains("Cầu Trường Tiền")))
                .andExpect(jsonPath("$[?(@.site == '%s')].ward", site).value(Matchers.contains("Phường Phú Hội")))
                .andExpect(jsonPath("$[?(@.site == '%s')].frameAt", site).value(Matchers.contains("2026-11-28T03:00:00Z")));
    }

    @Test
    void aPublicCamerasPublicFrameIsServedAndNothingElseIs() throws Exception {
        String site = site();
        frames.put(site, "cam-public", JPEG, Instant.now(), true);
        frames.put(site, "cam-internal", JPEG, Instant.now(), false);
        mvc.perform(get("/public/cameras/{site}/cam-public/frame.jpg", site))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_JPEG))
                .andExpect(content().bytes(JPEG));
        mvc.perform(get("/public/cameras/{site}/cam-internal/frame.jpg", site)).andExpect(status().isNotFound());
        mvc.perform(get("/public/cameras/{site}/aq-1/frame.jpg", site)).andExpect(status().isNotFound());

        // the same camera's operators-only frame (its ops topic) replaces the public one: not shown to citizens
        frames.put(site, "cam-public", JPEG, Instant.now(), false);
        mvc.perform(get("/public/cameras/{site}/cam-public/frame.jpg", site)).andExpect(status().isNotFound());
    }

    @Test
    void aClientFetchingFramesTooOftenIsToldToWait() throws Exception {
        String site = site();
        frames.put(site, "cam-public", JPEG, Instant.now(), true);
        int ok = 0;
        int refused = 0;
        for (int k = 0; k < 300; k++) {
            var response = mvc.perform(get("/public/cameras/{site}/cam-public/frame.jpg", site)
                    .with(r -> {
                        r.setRemoteAddr("203.0.113.9");
                        return r;
                    })).andReturn().getResponse();
            if (response.getStatus() == 200) {
                ok++;
            } else {
                org.assertj.core.api.Assertions.assertThat(response.getStatus()).isEqualTo(429);
                org.assertj.core.api.Assertions.assertThat(Long.parseLong(response.getHeader("Retry-After"))).isBetween(1L, 60L);
                refused++;
            }
        }
        // 240 a minute (the window may turn over during the loop, giving at most twice that)
        org.assertj.core.api.Assertions.assertThat(ok).isBetween(240, 299);
        org.assertj.core.api.Assertions.assertThat(refused).isPositive();
        mvc.perform(get("/public/cameras/{site}/cam-public/frame.jpg", site).with(r -> {
            r.setRemoteAddr("203.0.113.10");
            return r;
        })).andExpect(status().isOk()); // another client is not held back
    }
}
