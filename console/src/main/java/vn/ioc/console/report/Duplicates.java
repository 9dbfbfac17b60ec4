package vn.ioc.console.report;

import java.time.Duration;

/**
 * When a new report is the same problem as an earlier one: same category, an open original
 * within {@link #RADIUS_METRES} filed in the last {@link #WINDOW}. It is linked to that
 * original rather than sent to the agency a second time.
 */
public final class Duplicates {

    public static final double RADIUS_METRES = 50;
    public static final Duration WINDOW = Duration.ofDays(7);

    /** The mean Earth radius (IUGG); haversine's error against the ellipsoid is below 0.5 %. */
    static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private Duplicates() {
    }

    /** Great-circle distance by the haversine formula, good at the few metres that matter here. */
    public static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    public static boolean near(double lat1, double lon1, double lat2, double lon2) {
        return metres(lat1, lon1, lat2, lon2) <= RADIUS_METRES;
    }

    /** Degrees of latitude spanning the radius, to narrow the search by an index before measuring. */
    static double latitudeMargin() {
        return Math.toDegrees(RADIUS_METRES / EARTH_RADIUS_METRES);
    }

    static double longitudeMargin(double lat) {
        return latitudeMargin() / Math.max(0.01, Math.cos(Math.toRadians(lat)));
    }
}
