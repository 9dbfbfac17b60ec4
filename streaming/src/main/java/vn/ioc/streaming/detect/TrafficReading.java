package vn.ioc.streaming.detect;

import java.io.Serializable;

/**
 * What a road sensor measured at one time: speed (in the rule's unit) and occupancy (% of the
 * time a vehicle is over the loop); either may be missing (NaN) but not both.
 */
public record TrafficReading(double speed, double occupancy) implements Serializable {

    public TrafficReading {
        if (Double.isNaN(speed) && Double.isNaN(occupancy)) {
            throw new IllegalArgumentException("expected a speed or an occupancy but both were missing");
        }
        if (speed < 0 || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("expected a speed of zero or more but was " + speed);
        }
        if (occupancy < 0 || occupancy > 100) {
            throw new IllegalArgumentException("expected an occupancy from 0 to 100 % but was " + occupancy);
        }
    }

    public static TrafficReading speed(double speed) {
        return new TrafficReading(speed, Double.NaN);
    }

    public static TrafficReading occupancy(double occupancy) {
        return new TrafficReading(Double.NaN, occupancy);
    }

    public boolean hasSpeed() {
        return !Double.isNaN(speed);
    }

    public boolean hasOccupancy() {
        return !Double.isNaN(occupancy);
    }
}
