package vn.ioc.streaming.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NeighbourHoursTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final long T = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();

    @Test
    void aReadingFallsInTheClockHourThatHoldsIt() {
        NeighbourHours.Sum s = NeighbourHours.first("a", T + 59 * 60_000, HOUR, 12);
        assertThat(s.start()).isEqualTo(T);
        assertThat(s.end()).isEqualTo(T + 3_600_000);
        assertThat(NeighbourHours.first("a", T + 3_600_000, HOUR, 12).start()).as("the next hour begins on the hour")
                .isEqualTo(T + 3_600_000);
        assertThat(s.plus(18).mean()).isEqualTo(15);
    }

    @Test
    void eachDeviceIsSetAgainstTheOthersOfItsPeriodOnly() {
        List<NeighbourHours.Sum> sums = List.of(
                NeighbourHours.first("a", T, HOUR, 10).plus(20),
                NeighbourHours.first("b", T + 1000, HOUR, 30),
                NeighbourHours.first("c", T + 2000, HOUR, 40),
                NeighbourHours.first("c", T + 3_600_000, HOUR, 99)); // the next hour: no one's neighbour here
        List<NeighbourHours.Comparison> out = NeighbourHours.compare(sums);
        assertThat(out).extracting(NeighbourHours.Comparison::device).containsExactly("a", "b", "c", "c");
        assertThat(out.get(0).mean()).isEqualTo(15);
        assertThat(out.get(0).others()).containsExactlyInAnyOrder(30.0, 40.0);
        assertThat(out.get(2).others()).containsExactlyInAnyOrder(15.0, 30.0);
        assertThat(out.get(3).others()).isEmpty();
    }

    @Test
    void aDeviceKnownToDriftIsComparedButIsNoOnesNeighbour() {
        List<NeighbourHours.Sum> sums = List.of(NeighbourHours.first("a", T, HOUR, 10), NeighbourHours.first("b", T, HOUR, 90),
                NeighbourHours.first("c", T, HOUR, 12));
        List<NeighbourHours.Comparison> out = NeighbourHours.compare(sums, Set.of("b"));
        assertThat(out).extracting(NeighbourHours.Comparison::device).containsExactly("a", "b", "c");
        assertThat(out.get(0).others()).containsExactly(12.0);
        assertThat(out.get(1).others()).containsExactlyInAnyOrder(10.0, 12.0);
    }

    @Test
    void twoSumsOfOneDeviceAndPeriodCountAsOne() {
        List<NeighbourHours.Comparison> out = NeighbourHours.compare(List.of(NeighbourHours.first("a", T, HOUR, 10),
                NeighbourHours.first("a", T + 5, HOUR, 20), NeighbourHours.first("b", T, HOUR, 1)));
        assertThat(out).hasSize(2);
        assertThat(out.get(0).mean()).isEqualTo(15);
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRejected() {
        assertThatThrownBy(() -> new NeighbourHours.Sum("a", 10, 10, 0, 0)).hasMessageContaining("expected a period that ends after");
    }
}
