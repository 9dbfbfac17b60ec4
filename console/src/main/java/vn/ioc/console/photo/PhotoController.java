package vn.ioc.console.photo;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.ioc.console.report.TrackingCode;
import vn.ioc.console.system.NotFoundException;

/**
 * Citizens' photos by their report's tracking code, without login and for private categories too:
 * the code is the secret. A stored photo never changes, so browsers may keep it, but not shared caches.
 */
@RestController
class PhotoController {

    private final PhotoRepository photos;

    PhotoController(PhotoRepository photos) {
        this.photos = photos;
    }

    @GetMapping(value = "/public/reports/{code}/photos/{n}.jpg", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> photo(@PathVariable String code, @PathVariable int n) {
        byte[] jpeg = photos.jpeg(TrackingCode.normalize(code), n)
                .orElseThrow(() -> new NotFoundException("no photo " + n + " of report '" + code + "'"));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate()).body(jpeg);
    }
}
