package vn.ioc.console.camera;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import vn.ioc.console.TestUsers;
import vn.ioc.console.WebSliceConfig;
import vn.ioc.console.security.AppUserRepository;
import vn.ioc.console.security.AppUserRepository.Role;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest
@Import(WebSliceConfig.class)
class FrameApiTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};

    @Autowired
    MockMvc mvc;
    @Autowired
    FrameCache frames;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void latestFrameIsServedAsJpegThatIsNeverCached() throws Exception {
        String operator = TestUsers.create(users, encoder, Role.OPERATOR);
        frames.put("frame-site", "cam-1", JPEG, Instant.parse("2026-11-23T03:00:00Z"));

        mvc.perform(get("/api/cameras/frame-site/cam-1/frame.jpg").with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_JPEG))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
                .andExpect(content().bytes(JPEG));
    }

    @Test
    void cameraWithoutAFrameIs404ProblemDetail() throws Exception {
        String operator = TestUsers.create(users, encoder, Role.OPERATOR);
        mvc.perform(get("/api/cameras/frame-site/never-seen/frame.jpg")
                        .header(HttpHeaders.ACCEPT, "image/avif,image/webp,*/*;q=0.8")
                        .with(httpBasic(operator, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("no frame received from camera 'never-seen' of site 'frame-site'"));
    }

    @Test
    void framesNeedALogin() throws Exception {
        mvc.perform(get("/api/cameras/frame-site/cam-1/frame.jpg")).andExpect(status().isUnauthorized());
    }
}
