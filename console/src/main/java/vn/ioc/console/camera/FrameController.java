package vn.ioc.console.camera;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.system.NotFoundException;

@RestController
class FrameController {

    private final FrameCache frames;

    FrameController(FrameCache frames) {
        this.frames = frames;
    }

    /** The latest frame; never cached, since the map refreshes it every few seconds. */
    @GetMapping("/api/cameras/{site}/{camera}/frame.jpg")
    ResponseEntity<byte[]> frame(@PathVariable String site, @PathVariable String camera) {
        Frame frame = frames.latest(site, camera)
                .orElseThrow(() -> new NotFoundException("no frame received from camera '" + camera + "' of site '" + site + "'"));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore())
                .lastModified(frame.receivedAt())
                .body(frame.jpeg());
    }
}
