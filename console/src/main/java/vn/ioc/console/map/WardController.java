package vn.ioc.console.map;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** Public: ward boundaries are open data, and the citizen portal draws them too. */
@RestController
class WardController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final WardLayer wards;

    WardController(WardLayer wards) {
        this.wards = wards;
    }

    @GetMapping("/api/wards")
    ResponseEntity<byte[]> wards(WebRequest request) {
        if (request.checkNotModified(wards.etag())) {
            return null;
        }
        return ResponseEntity.ok()
                .contentType(GEO_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .eTag(wards.etag())
                .body(wards.geojson());
    }
}
