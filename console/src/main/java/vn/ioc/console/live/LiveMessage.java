package vn.ioc.console.live;

/**
 * One WebSocket text frame: {@code {"kind":"incident","data":{...}}} with the shape of
 * {@code /api/incidents}, {@code {"kind":"site","data":{"site":..,"online":..,"reason":..}}}, or
 * {@code {"kind":"report","data":{"id":..,"status":..}}} (a citizen's report was filed or changed:
 * the map reads the operators' report list again), or {@code {"kind":"resync","data":{"reason":..}}}
 * (updates may have been missed: the page reads its lists again).
 */
record LiveMessage(String kind, Object data) {

    record SiteUpdate(String site, boolean online, String reason) {
    }

    record ReportUpdate(String id, String status) {
    }

    record Resync(String reason) {
    }
}
