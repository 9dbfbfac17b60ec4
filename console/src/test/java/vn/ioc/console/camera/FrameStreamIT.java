package vn.ioc.console.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.ioc.console.ConsoleIntegrationTest;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.testing.TestBroker;

/** The camera wall's MJPEG stream over a real broker: each new frame once, as it comes; operators only. */
class FrameStreamIT extends ConsoleIntegrationTest {

    private static final byte[] FIRST = "first frame, not really a JPEG but bytes the stream must not touch".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECOND = new byte[70_000];

    static {
        for (int i = 0; i < SECOND.length; i++) {
            SECOND[i] = (byte) (i * 31); // every byte value, CR and LF included
        }
    }

    private HttpResponse<InputStream> open(String site, String camera, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/cameras/" + site + "/" + camera + "/stream.mjpeg")));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    @Test
    void eachNewFrameComesOnceAsItArrives() throws Exception {
        String site = TestBroker.unique("stream-site");
        publish(Topics.operatorFrame(site, "cam-1"), FIRST, 0, true);
        awaitFrame(site, "cam-1");
        HttpResponse<InputStream> stream = open(site, "cam-1", basic(ADMIN, ADMIN_PASSWORD));
        try (InputStream in = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("multipart/x-mixed-replace").contains("boundary=" + FrameStreamController.BOUNDARY);
            Part first = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Part.read(in));
            assertThat(first.body()).isEqualTo(FIRST);
            assertThat(first.headers()).containsEntry("content-type", "image/jpeg").containsKey("x-received-at");

            publish(Topics.operatorFrame(site, "cam-1"), SECOND, 0, true);
            Part second = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Part.read(in));
            assertThat(second.body()).as("the next part is the new frame, not the first again").isEqualTo(SECOND);
        } finally {
            publish(Topics.operatorFrame(site, "cam-1"), new byte[0], 0, true);
        }
    }

    @Test
    void noStreamWithoutLoginOrForACameraNeverHeardFrom() throws Exception {
        assertThat(open("no-such-site", "cam-9", null).statusCode()).isEqualTo(401);
        HttpResponse<InputStream> unknown = open("no-such-site", "cam-9", basic(ADMIN, ADMIN_PASSWORD));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body().readAllBytes(), StandardCharsets.UTF_8)).contains("cam-9");
    }

    private void awaitFrame(String site, String camera) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (getAsAdmin("/api/cameras/" + site + "/" + camera + "/frame.jpg").statusCode() != 200) {
            assertThat(System.nanoTime()).as("the console received the frame").isLessThan(end);
            Thread.sleep(100);
        }
    }

    /** One multipart part: its headers (names in lower case) and exactly Content-Length bytes. */
    private record Part(Map<String, String> headers, byte[] body) {

        static Part read(InputStream in) throws IOException {
            String line;
            do {
                line = line(in); // the CRLF ending the previous part, then the boundary
            } while (line.isEmpty());
            assertThat(line).isEqualTo("--" + FrameStreamController.BOUNDARY);
            Map<String, String> headers = new LinkedHashMap<>();
            while (!(line = line(in)).isEmpty()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            return new Part(headers, Arrays.copyOf(body, body.length));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (b != '\r') {
                    bytes.write(b);
                }
            }
            if (b == -1 && bytes.size() == 0) {
                throw new IOException("the stream ended");
            }
            return bytes.toString(StandardCharsets.US_ASCII);
        }
    }
}
