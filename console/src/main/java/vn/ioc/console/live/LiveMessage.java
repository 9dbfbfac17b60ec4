package vn.ioc.console.live;

/**
 * One WebSocket text frame: {@code {"kind":"incident","data":{...}}} with the shape of
 * {@code /api/incidents}, or {@code {"kind":"site","data":{"site":..,"online":..,"reason":..}}}.
 */
record LiveMessage(String kind, Object data) {

    record SiteUpdate(String site, boolean online, String reason) {
    }
}
