package vn.ioc.streaming.detect;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

import vn.ioc.ingest.contract.Incident;

/**
 * Congestion on a road sensor, judged against what is usual for the time of day and day type
 * (see {@link TrafficProfile}). A reading is congested when its speed is below the usual by more
 * than {@code spreads} spreads <em>and</em> below {@code fraction} of the usual, or its occupancy
 * is above the usual by more than {@code spreads} spreads <em>and</em> above the usual divided by
 * {@code fraction} (and at least {@code minOccupancy} %, so a quiet night's 3 % against a usual 1 %
 * is not a jam). Both tests are needed: the spreads alone alarm in a slot that is always the same,
 * the fraction alone in a slot that always varies.
 *
 * <p>The condition starts after {@code minDuration} of congested readings and ends after
 * {@code clearAfter} of readings back above {@code clearFraction} of the usual speed (below the
 * usual occupancy divided by it). A slot is judged only after it has seen {@code minSeen} readings.
 *
 * @param zone        where the sensor is: the time of day and the weekend are local
 * @param slot        the length of a time-of-day slot; it divides a day
 * @param alpha       the weight of a new reading in its slot once the slot has seen 1/alpha readings
 * @param mediumBelow the relative level (speed over usual) under which the severity is MEDIUM
 * @param highBelow   the relative level under which it is HIGH
 */
public record CongestionRule(
        String id, ZoneId zone, Duration slot, double alpha, int minSeen, double spreads,
        double fraction, double clearFraction, double mediumBelow, double highBelow, double minOccupancy,
        Duration minDuration, Duration clearAfter, SpeedUnit unit) implements Serializable {

    public enum SpeedUnit {
        KMH("km/h"), MPH("mph");

        private final String symbol;

        SpeedUnit(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    public CongestionRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(unit, "unit");
        String where = "rule " + id + ": ";
        if (slot == null || slot.toMillis() <= 0 || DAY_MILLIS % slot.toMillis() != 0) {
            throw new IllegalArgumentException(where + "expected a slot length that divides a day (like PT15M) but was " + slot);
        }
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException(where + "expected alpha above 0 and at most 1 but was " + alpha);
        }
        if (minSeen < 2) {
            throw new IllegalArgumentException(where + "expected a slot to need at least 2 readings (to have a spread) but was " + minSeen);
        }
        if (!(spreads >= 0)) {
            throw new IllegalArgumentException(where + "expected spreads of zero or more but was " + spreads);
        }
        if (!(highBelow > 0 && highBelow < mediumBelow && mediumBelow <= fraction && fraction < clearFraction && clearFraction <= 1)) {
            throw new IllegalArgumentException(where + "expected 0 < highBelow < mediumBelow <= fraction < clearFraction <= 1 but was "
                    + highBelow + ", " + mediumBelow + ", " + fraction + ", " + clearFraction);
        }
        if (!(minOccupancy >= 0 && minOccupancy <= 100)) {
            throw new IllegalArgumentException(where + "expected a minimum occupancy from 0 to 100 % but was " + minOccupancy);
        }
        if (minDuration.isNegative() || clearAfter.isNegative()) {
            throw new IllegalArgumentException(where + "expected durations of zero or more but was " + minDuration + ", " + clearAfter);
        }
    }

    /**
     * 15-minute slots learned over about 10 readings each (3 days of 5-minute readings), judged after
     * 6; congested at 3 spreads and 70 % of the usual speed for 10 minutes, cleared at 85 % for 15
     * minutes; MEDIUM under 50 %, HIGH under 30 %; occupancy counts from 10 %.
     */
    public static CongestionRule defaults(String id, ZoneId zone, SpeedUnit unit) {
        return new CongestionRule(id, zone, Duration.ofMinutes(15), 0.1, 6, 3, 0.7, 0.85, 0.5, 0.3, 10,
                Duration.ofMinutes(10), Duration.ofMinutes(15), unit);
    }

    public Incident.Type type() {
        return Incident.Type.CONGESTION;
    }

    public int slotsPerDay() {
        return (int) (DAY_MILLIS / slot.toMillis());
    }

    /** Slots in a profile: weekdays, then weekends. */
    public int profileSlots() {
        return 2 * slotsPerDay();
    }

    /** The profile slot of a time: its local time of day, in the weekday or the weekend half. */
    public int slotOf(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        long ofDay = local.toLocalTime().toNanoOfDay() / 1_000_000L;
        DayOfWeek d = local.getDayOfWeek();
        boolean weekend = d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
        return (weekend ? slotsPerDay() : 0) + (int) (ofDay / slot.toMillis());
    }

    /** The severity at a relative level: the speed over the usual (or the usual occupancy over the occupancy). */
    public Incident.Severity severityAt(double relative) {
        if (relative < highBelow) {
            return Incident.Severity.HIGH;
        }
        return relative < mediumBelow ? Incident.Severity.MEDIUM : Incident.Severity.LOW;
    }
}
