package vn.ioc.console.camera;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import vn.ioc.console.system.NotFoundException;

/**
 * A camera's pictures as an MJPEG stream ({@code multipart/x-mixed-replace}) for the operators'
 * camera wall: each new frame the edge publishes is sent once, as it arrives, instead of each
 * browser asking for it every few seconds. Any MJPEG viewer can open it too. Each part carries
 * its {@code Content-Length} and the time the console received it ({@code X-Received-At}), so
 * the wall can tell a frozen camera from a live one.
 *
 * <p>A stream ends after {@link #LONGEST} (the page opens a new one), which also bounds how long
 * a browser that went away without a word can hold a thread; at most {@link #MAX_STREAMS} are
 * open at once, beyond which a 503 says so.
 */
@RestController
class FrameStreamController {

    static final String BOUNDARY = "ioc-frame";
    static final Duration LONGEST = Duration.ofMinutes(10);
    static final Duration LOOK_EVERY = Duration.ofMillis(200);
    static final int MAX_STREAMS = 200;

    private final FrameCache frames;
    private final Semaphore streams = new Semaphore(MAX_STREAMS);

    FrameStreamController(FrameCache frames) {
        this.frames = frames;
    }

    @GetMapping("/api/cameras/{site}/{camera}/stream.mjpeg")
    ResponseEntity<StreamingResponseBody> stream(@PathVariable String site, @PathVariable String camera, HttpServletResponse response) {
        if (frames.latest(site, camera).isEmpty()) {
            throw new NotFoundException("no frame received from camera '" + camera + "' of site '" + site + "'");
        }
        if (!streams.tryAcquire()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    MAX_STREAMS + " camera streams are open already; the wall falls back to single frames");
        }
        StreamingResponseBody body = out -> {
            try {
                send(site, camera, out, response);
            } finally {
                streams.release();
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("multipart/x-mixed-replace; boundary=" + BOUNDARY))
                .cacheControl(CacheControl.noStore())
                .header("X-Accel-Buffering", "no") // a proxy in front must not hold the parts back
                .body(body);
    }

    private void send(String site, String camera, OutputStream out, HttpServletResponse response) throws IOException {
        long end = System.nanoTime() + LONGEST.toNanos();
        Instant sent = null;
        while (System.nanoTime() < end) {
            Frame frame = frames.latest(site, camera).orElse(null);
            if (frame != null && !frame.receivedAt().equals(sent)) {
                part(out, frame);
                // the stream handed to the body does not reach the socket on flush alone: push the container's buffer
                response.flushBuffer();
                sent = frame.receivedAt();
            }
            try {
                Thread.sleep(LOOK_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One part; an IOException here means the browser went away, which ends the stream. */
    private static void part(OutputStream out, Frame frame) throws IOException {
        String head = "--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + frame.jpeg().length
                + "\r\nX-Received-At: " + frame.receivedAt() + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(frame.jpeg());
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
