package vn.ioc.edge;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Conversions from the units a series was recorded in to the units of the wire contract.
 * NAB's Minnesota freeway speeds are in mph; the stream job's rules expect km/h.
 */
public final class Units {

    /** The international mile (1959): exactly 1.609344 km. */
    public static final double KM_PER_MILE = 1.609344;

    private static final Map<String, Double> FACTORS = Map.of(
            "mph>km/h", KM_PER_MILE,
            "m/s>km/h", 3.6);

    private Units() {
    }

    /** What to multiply a value in {@code from} by to get it in {@code to}; empty when unknown. */
    public static OptionalDouble factor(String from, String to) {
        if (from.equals(to)) {
            return OptionalDouble.of(1);
        }
        Double f = FACTORS.get(from + ">" + to);
        return f == null ? OptionalDouble.empty() : OptionalDouble.of(f);
    }

    public static double mphToKmh(double mph) {
        return mph * KM_PER_MILE;
    }
}
