package vn.ioc.console.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Working days in Vietnam: Monday to Friday (public holidays not yet counted). */
public final class WorkingCalendar {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private WorkingCalendar() {
    }

    public static WorkingCalendar vietnam() {
        return new WorkingCalendar();
    }

    /** The same local time {@code days} working days after {@code from}. */
    public Instant plusWorkingDays(Instant from, int days) {
        ZonedDateTime t = from.atZone(VIETNAM);
        int left = days;
        while (left > 0) {
            t = t.plusDays(1);
            if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return t.toInstant();
    }
}
