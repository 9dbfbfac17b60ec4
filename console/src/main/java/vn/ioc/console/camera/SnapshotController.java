package vn.ioc.console.camera;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.system.NotFoundException;

/**
 * The camera picture kept with an incident. Under {@code /api/}, so for operators only: it may
 * come from a camera that is not shared with citizens, and no public page links to it.
 */
@RestController
class SnapshotController {

    private final SnapshotRepository snapshots;

    SnapshotController(SnapshotRepository snapshots) {
        this.snapshots = snapshots;
    }

    /** The picture of the named camera, or of the first camera when none is named; private: it may show a camera not shared. */
    @GetMapping("/api/incidents/{id}/snapshot.jpg")
    ResponseEntity<byte[]> snapshot(@PathVariable String id, @RequestParam(required = false) String camera) {
        byte[] jpeg = snapshots.jpeg(id, camera).orElseThrow(() -> new NotFoundException("no camera picture kept for incident '" + id
                + "'" + (camera == null ? "" : " from camera '" + camera + "'")));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
                .body(jpeg);
    }
}
