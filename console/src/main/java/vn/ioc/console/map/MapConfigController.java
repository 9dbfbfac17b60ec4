package vn.ioc.console.map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MapConfigController {

    record Center(double lat, double lon) {
    }

    record MapConfig(String tileUrl, String attribution, Center center, int zoom) {
    }

    private final MapProperties map;

    MapConfigController(MapProperties map) {
        this.map = map;
    }

    /** Also public: the citizens' report form draws the same base map. */
    @GetMapping({"/api/map-config", "/public/map-config.json"})
    MapConfig config() {
        return new MapConfig(map.tileUrl(), map.attribution(), new Center(map.centerLat(), map.centerLon()), map.zoom());
    }
}
