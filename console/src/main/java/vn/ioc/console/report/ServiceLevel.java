package vn.ioc.console.report;

import java.time.Duration;

/**
 * How long the responsible unit has to answer: calendar hours for urgent matters, or working
 * days (see {@link WorkingCalendar}). Exactly one of the two is set.
 */
public record ServiceLevel(Duration hours, Integer workingDays) {

    public ServiceLevel {
        if ((hours == null) == (workingDays == null)) {
            throw new IllegalArgumentException("a service level is either calendar hours or working days, not both or neither");
        }
    }

    public static ServiceLevel ofHours(long hours) {
        return new ServiceLevel(Duration.ofHours(hours), null);
    }

    public static ServiceLevel ofWorkingDays(int days) {
        return new ServiceLevel(null, days);
    }
}
