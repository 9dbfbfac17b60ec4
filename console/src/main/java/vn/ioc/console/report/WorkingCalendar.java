package vn.ioc.console.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * When public agencies work, for deadlines given in working days: Monday to Friday, 07:30–11:30
 * and 13:30–17:00 local time, except public holidays; a weekend day the government swaps for a
 * bridged day off (a make-up day, "ngày làm bù") is worked.
 *
 * <p>A working day is the length of one full working day (7 h 30), counted through working time
 * only. So N working days from a working moment end at the same clock time on the Nth following
 * working day: Friday 16:00 plus one working day is Monday 16:00, Monday 09:00 plus two is
 * Wednesday 09:00. A moment outside working time (night, lunch, weekend, holiday) first moves to
 * the next working moment: Saturday 10:00 plus one working day is Monday 17:00. A count that ends
 * exactly at the end of a working period ends there (Monday 07:30 plus one is Monday 17:00, not
 * Tuesday 07:30).
 */
public final class WorkingCalendar {

    /** Vietnam's public holidays shipped with the console, edited each year as the government announces them. */
    public static final String VIETNAM_RESOURCE = "/report/holidays.yaml";
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private record Period(LocalTime start, LocalTime end) {
    }

    private static final List<Period> PERIODS = List.of(
            new Period(LocalTime.of(7, 30), LocalTime.of(11, 30)),
            new Period(LocalTime.of(13, 30), LocalTime.of(17, 0)));

    /** The working time in one working day. */
    public static final Duration WORKING_DAY = PERIODS.stream()
            .map(p -> Duration.between(p.start(), p.end())).reduce(Duration.ZERO, Duration::plus);

    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpDays;

    public WorkingCalendar(ZoneId zone, Set<LocalDate> holidays) {
        this(zone, holidays, Set.of());
    }

    /** @param makeUpDays weekend days worked in exchange for a bridged weekday off */
    public WorkingCalendar(ZoneId zone, Set<LocalDate> holidays, Set<LocalDate> makeUpDays) {
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
        this.makeUpDays = Set.copyOf(makeUpDays);
    }

    /** Asia/Ho_Chi_Minh with the holidays in {@value #VIETNAM_RESOURCE}. */
    public static WorkingCalendar vietnam() {
        try (InputStream in = WorkingCalendar.class.getResourceAsStream(VIETNAM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + VIETNAM_RESOURCE);
            }
            return load(in, VIETNAM);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads ISO dates under {@code holidays} and, optionally, {@code make_up_days}. */
    public static WorkingCalendar load(InputStream yaml, ZoneId zone) {
        JsonNode root = new YAMLMapper().readTree(yaml);
        if (!root.path("holidays").isArray()) {
            throw new IllegalArgumentException("expected a list of dates under holidays but found none");
        }
        return new WorkingCalendar(zone, dates(root, "holidays"), dates(root, "make_up_days"));
    }

    public boolean isWorkingDay(LocalDate date) {
        if (makeUpDays.contains(date)) {
            return true;
        }
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /** {@code from} itself when it is working time, else the start of the next working period. */
    public Instant nextWorkingMoment(Instant from) {
        return next(from.atZone(zone)).toInstant();
    }

    /** The end of {@code days} working days counted from {@code from}; see the class comment for the rule. */
    public Instant addWorkingDays(Instant from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("expected a non-negative number of working days but was " + days);
        }
        ZonedDateTime at = next(from.atZone(zone));
        Duration left = WORKING_DAY.multipliedBy(days);
        while (true) {
            ZonedDateTime end = at.with(periodAt(at.toLocalTime()).end());
            Duration available = Duration.between(at, end);
            if (left.compareTo(available) <= 0) {
                return at.plus(left).toInstant();
            }
            left = left.minus(available);
            at = next(end);
        }
    }

    /** The working moment at or after {@code t}. */
    private ZonedDateTime next(ZonedDateTime t) {
        ZonedDateTime at = t;
        while (true) {
            if (isWorkingDay(at.toLocalDate())) {
                for (Period p : PERIODS) {
                    LocalTime time = at.toLocalTime();
                    if (time.isBefore(p.end())) {
                        return time.isBefore(p.start()) ? at.with(p.start()) : at;
                    }
                }
            }
            at = at.toLocalDate().plusDays(1).atStartOfDay(zone);
        }
    }

    private static Period periodAt(LocalTime time) {
        return PERIODS.stream().filter(p -> !time.isBefore(p.start()) && time.isBefore(p.end())).findFirst()
                .orElseThrow(() -> new IllegalStateException(time + " is not working time"));
    }

    private static Set<LocalDate> dates(JsonNode root, String field) {
        Set<LocalDate> dates = new HashSet<>();
        for (JsonNode d : root.path(field)) {
            try {
                dates.add(LocalDate.parse(d.asString()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + ": expected a date like 2026-09-02 but was " + d.asString(), e);
            }
        }
        return dates;
    }
}
