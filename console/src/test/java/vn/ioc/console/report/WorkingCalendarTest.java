package vn.ioc.console.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    /** National Day 2026 and Tết 2027 as the shipped file has them, so these tests do not move when it is edited. */
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(WorkingCalendar.VIETNAM, Set.of(
            LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-02"),
            LocalDate.parse("2027-02-04"), LocalDate.parse("2027-02-05"), LocalDate.parse("2027-02-08"),
            LocalDate.parse("2027-02-09"), LocalDate.parse("2027-02-10")));

    @Test
    void aWorkingDayIsSevenAndAHalfHoursOfWorkingTime() {
        assertThat(WorkingCalendar.WORKING_DAY).hasMinutes(450);
    }

    @Test
    void fridayAfternoonPlusOneWorkingDayIsMondayAtTheSameTime() {
        assertThat(CALENDAR.addWorkingDays(at("2026-03-06T16:00"), 1)).isEqualTo(at("2026-03-09T16:00"));
        assertThat(CALENDAR.addWorkingDays(at("2026-03-06T16:00"), 2)).isEqualTo(at("2026-03-10T16:00"));
    }

    @Test
    void aMorningFilingCountsAcrossTheLunchBreak() {
        assertThat(CALENDAR.addWorkingDays(at("2026-03-10T10:00"), 1)).isEqualTo(at("2026-03-11T10:00"));
    }

    @Test
    void aCountEndingAtTheEndOfAWorkingPeriodEndsThere() {
        assertThat(CALENDAR.addWorkingDays(at("2026-03-09T07:30"), 1)).isEqualTo(at("2026-03-09T17:00"));
    }

    @Test
    void aFilingAtNightStartsCountingAtTheNextWorkingMoment() {
        assertThat(CALENDAR.nextWorkingMoment(at("2026-03-10T22:00"))).isEqualTo(at("2026-03-11T07:30"));
        assertThat(CALENDAR.addWorkingDays(at("2026-03-10T22:00"), 1)).isEqualTo(at("2026-03-11T17:00"));
        assertThat(CALENDAR.addWorkingDays(at("2026-03-11T05:00"), 1)).isEqualTo(at("2026-03-11T17:00"));
    }

    @Test
    void aFilingAtLunchStartsCountingAtOneThirty() {
        assertThat(CALENDAR.nextWorkingMoment(at("2026-03-10T12:00"))).isEqualTo(at("2026-03-10T13:30"));
        assertThat(CALENDAR.addWorkingDays(at("2026-03-10T12:00"), 1)).isEqualTo(at("2026-03-11T11:30"));
    }

    @Test
    void aFilingOnSaturdayStartsCountingOnMondayMorning() {
        assertThat(CALENDAR.addWorkingDays(at("2026-03-07T10:00"), 1)).isEqualTo(at("2026-03-09T17:00"));
    }

    @Test
    void nationalDay2026IsSkipped() {
        // Monday 31 August; 1 and 2 September are off
        assertThat(CALENDAR.addWorkingDays(at("2026-08-31T09:00"), 1)).isEqualTo(at("2026-09-03T09:00"));
    }

    @Test
    void tet2027IsSkipped() {
        // Wednesday 3 February; Thursday 4 to Wednesday 10 February are off
        assertThat(CALENDAR.addWorkingDays(at("2027-02-03T14:00"), 1)).isEqualTo(at("2027-02-11T14:00"));
        assertThat(CALENDAR.addWorkingDays(at("2027-02-03T14:00"), 2)).isEqualTo(at("2027-02-12T14:00"));
        assertThat(CALENDAR.addWorkingDays(at("2027-02-06T09:00"), 1)).isEqualTo(at("2027-02-11T17:00"));
    }

    @Test
    void zeroWorkingDaysIsTheNextWorkingMoment() {
        assertThat(CALENDAR.addWorkingDays(at("2026-03-10T10:00"), 0)).isEqualTo(at("2026-03-10T10:00"));
        assertThat(CALENDAR.addWorkingDays(at("2026-03-06T18:00"), 0)).isEqualTo(at("2026-03-09T07:30"));
    }

    @Test
    void addWorkingDaysWithANegativeCountThrowsException() {
        assertThatThrownBy(() -> CALENDAR.addWorkingDays(at("2026-03-10T10:00"), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a non-negative number of working days but was -1");
    }

    @Test
    void vietnamClosesOnTheStatutoryHolidays() {
        WorkingCalendar vietnam = WorkingCalendar.vietnam();

        assertThat(Set.of("2025-01-01", "2025-01-29", "2025-04-07", "2025-04-30", "2025-05-01", "2025-09-02",
                "2026-01-01", "2026-02-17", "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-02",
                "2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-04-16", "2027-05-03",
                "2027-09-02"))
                .allSatisfy(d -> assertThat(vietnam.isWorkingDay(LocalDate.parse(d))).as(d).isFalse());
        assertThat(vietnam.isWorkingDay(LocalDate.parse("2027-02-12"))).isTrue();
        assertThat(vietnam.isWorkingDay(LocalDate.parse("2026-09-07"))).isTrue();
    }

    @Test
    void vietnamWorksOnAMakeUpSaturday() {
        WorkingCalendar vietnam = WorkingCalendar.vietnam();

        // Friday 2 May 2025 was bridged to the holidays and worked on Saturday 26 April
        assertThat(vietnam.addWorkingDays(at("2025-04-25T16:00"), 1)).isEqualTo(at("2025-04-26T16:00"));
        assertThat(vietnam.addWorkingDays(at("2025-04-29T16:00"), 1)).isEqualTo(at("2025-05-05T16:00"));
    }

    @Test
    void loadReadsAnotherSetOfHolidays() {
        WorkingCalendar calendar = WorkingCalendar.load(yaml("holidays: [2026-03-09]"), WorkingCalendar.VIETNAM);

        assertThat(calendar.addWorkingDays(at("2026-03-06T16:00"), 1)).isEqualTo(at("2026-03-10T16:00"));
    }

    @Test
    void loadWithABadDateThrowsException() {
        assertThatThrownBy(() -> WorkingCalendar.load(yaml("holidays: [2026-02-30]"), WorkingCalendar.VIETNAM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("holidays: expected a date like 2026-09-02 but was 2026-02-30");
    }

    @Test
    void loadWithoutHolidaysThrowsException() {
        assertThatThrownBy(() -> WorkingCalendar.load(yaml("holiday: [2026-03-09]"), WorkingCalendar.VIETNAM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a list of dates under holidays but found none");
    }

    static Instant at(String localTime) {
        return LocalDateTime.parse(localTime).atZone(WorkingCalendar.VIETNAM).toInstant();
    }

    private static ByteArrayInputStream yaml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
