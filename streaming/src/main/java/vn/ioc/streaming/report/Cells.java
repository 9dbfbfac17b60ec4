package vn.ioc.streaming.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A grid of cells about 2 km across, the unit in which reports meet incidents: an incident
 * lives in the cell of its place, and a report is sent to every cell its join radius touches,
 * so each incident sees every report near it while each cell holds only its neighbourhood.
 */
public final class Cells {

    /** 0.02° is 2.2 km north-south and about 2.1 km east-west at Huế. */
    static final double SIZE_DEGREES = 0.02;
    /** Larger radii would reach past the neighbouring cells' neighbours, which is allowed but wasteful. */
    static final double MAX_RADIUS_METRES = 5000;
    static final String NOWHERE = "nowhere";

    private Cells() {
    }

    /** The cell of a point, or {@link #NOWHERE} when the place is unknown. */
    public static String of(Double lat, Double lon) {
        if (lat == null || lon == null) {
            return NOWHERE;
        }
        return name(index(lat), index(lon));
    }

    /** Every cell a circle of {@code radiusMetres} around the point touches. */
    public static List<String> around(double lat, double lon, double radiusMetres) {
        double dLat = Math.toDegrees(radiusMetres / Distance.EARTH_RADIUS_METRES);
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(lat)));
        List<String> out = new ArrayList<>();
        for (long i = index(lat - dLat); i <= index(lat + dLat); i++) {
            for (long j = index(lon - dLon); j <= index(lon + dLon); j++) {
                out.add(name(i, j));
            }
        }
        return out;
    }

    private static long index(double degrees) {
        return (long) Math.floor(degrees / SIZE_DEGREES);
    }

    private static String name(long i, long j) {
        return i + ":" + j;
    }
}
