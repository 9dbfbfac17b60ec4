package vn.ioc.console.camera;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.device.DeviceRepository;
import vn.ioc.console.system.ClientRateLimit;
import vn.ioc.console.system.NotFoundException;
import vn.ioc.console.system.TooManyRequestsException;
import vn.ioc.ingest.store.SiteStore;

/**
 * The shared cameras citizens may watch, without login: those a site's birth marks public, and
 * only the frames that came on their public topic (already privacy-filtered at the edge). Each
 * client may fetch a limited number of frames a minute; beyond it, a 429 says when to come back.
 */
@RestController
class SharedCameraController {

    private final DeviceRepository devices;
    private final FrameCache frames;
    private final ClientRateLimit limit;

    /** @param perMinute frames one client may fetch a minute: a page of a few cameras refreshing every 3 s fits */
    SharedCameraController(DeviceRepository devices, FrameCache frames, Clock clock,
                           @Value("${ioc.camera.public-frames-per-minute:240}") int perMinute) {
        this.devices = devices;
        this.frames = frames;
        this.limit = new ClientRateLimit(perMinute, Duration.ofMinutes(1), clock);
    }

    /** A shared camera as the public page lists it; {@code frameAt} is null until a frame came. */
    record SharedCamera(String site, String camera, String name, String ward, Double lat, Double lon, boolean online, Instant frameAt) {
    }

    @GetMapping("/public/cameras.json")
    List<SharedCamera> cameras() {
        return devices.publicCameras().stream()
                .map(d -> new SharedCamera(d.site(), d.id(), d.siteName(), d.ward(), d.lat(), d.lon(), d.online(),
                        frames.latestPublic(d.site(), d.id()).map(Frame::receivedAt).orElse(null)))
                .toList();
    }

    @GetMapping("/public/cameras/{site}/{camera}/frame.jpg")
    ResponseEntity<byte[]> frame(@PathVariable String site, @PathVariable String camera, HttpServletRequest request) {
        limit.tryAcquire(request.getRemoteAddr()).ifPresent(seconds -> {
            throw new TooManyRequestsException(seconds);
        });
        boolean registered = devices.find(site, camera).filter(SharedCameraController::shared).isPresent();
        Frame frame = (registered ? frames.latestPublic(site, camera) : java.util.Optional.<Frame>empty())
                .orElseThrow(() -> new NotFoundException("no shared camera '" + camera + "' at site '" + site + "'"));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore())
                .lastModified(frame.receivedAt())
                .body(frame.jpeg());
    }

    private static boolean shared(SiteStore.DeviceView d) {
        return d.isPublic() && "CAMERA".equals(d.kind());
    }
}
