package vn.ioc.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class SeriesReplayTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    /** Gaps of 5, 10 and 5 minutes: the typical gap (and the one after the last row) is 5 minutes. */
    private static SeriesFile fourRows() throws IOException {
        return SeriesFileTest.csv("""
                timestamp,value
                2015-09-01 00:00:00,10
                2015-09-01 00:05:00,11
                2015-09-01 00:15:00,12
                2015-09-01 00:20:00,13
                """);
    }

    private static double value(SeriesFile.Row r) {
        return r.value();
    }

    @Test
    void recordedGapsAreDividedByTheSpeedup() throws IOException {
        SeriesReplay replay = new SeriesReplay(fourRows(), 0, 300, T0);

        assertThat(replay.nextDue()).isEqualTo(T0);
        assertThat(replay.next().value()).isEqualTo(10);
        assertThat(replay.nextDue()).isEqualTo(T0.plusSeconds(1));   // 5 min / 300
        assertThat(replay.next().value()).isEqualTo(11);
        assertThat(replay.nextDue()).isEqualTo(T0.plusSeconds(3));   // + 10 min / 300
    }

    @Test
    void takeDueReturnsOnlyTheRowsDueByThen() throws IOException {
        SeriesReplay replay = new SeriesReplay(fourRows(), 0, 300, T0);

        assertThat(replay.takeDue(T0.minusMillis(1))).isEmpty();
        assertThat(replay.takeDue(T0.plusMillis(2999)).stream().map(SeriesReplayTest::value)).containsExactly(10.0, 11.0);
        assertThat(replay.takeDue(T0.plusSeconds(3))).extracting(SeriesFile.Row::value).containsExactly(12.0);
        assertThat(replay.nextDue()).isEqualTo(T0.plusSeconds(4));
    }

    @Test
    void wrapsToTheFirstRowAfterTheLastWithTimeRunningOn() throws IOException {
        SeriesReplay replay = new SeriesReplay(fourRows(), 0, 300, T0);

        assertThat(replay.takeDue(T0.plusSeconds(4))).hasSize(4);

        assertThat(replay.nextIndex()).isZero();
        assertThat(replay.nextDue()).isEqualTo(T0.plusSeconds(5));   // the last gap is the typical 5 minutes
        // one loop = 20 minutes of rows + the 5-minute wrap gap
        assertThat(replay.nextSeriesTime()).isEqualTo(LocalDateTime.parse("2015-09-01T00:25"));
        assertThat(replay.takeDue(T0.plusSeconds(10))).extracting(SeriesFile.Row::value).containsExactly(10.0, 11.0, 12.0, 13.0, 10.0);
        assertThat(replay.nextDue()).isEqualTo(T0.plusSeconds(11));
        // the second row of the third pass: 00:05 + 2 loops of 25 minutes
        assertThat(replay.nextSeriesTime()).isEqualTo(LocalDateTime.parse("2015-09-01T00:55"));
    }

    @Test
    void startsAtTheGivenRow() throws IOException {
        SeriesFile rows = fourRows();
        int start = rows.indexAt(LocalDateTime.parse("2015-09-01T00:10"));
        SeriesReplay replay = new SeriesReplay(rows, start, 60, T0);

        assertThat(start).isEqualTo(2);
        assertThat(replay.takeDue(T0)).extracting(SeriesFile.Row::value).containsExactly(12.0);
        assertThat(replay.nextDue()).isEqualTo(T0.plusSeconds(5));   // 5 min / 60
        assertThat(replay.next().value()).isEqualTo(13);
        assertThat(replay.nextDue()).isEqualTo(T0.plusSeconds(10));
        assertThat(replay.next().value()).isEqualTo(10);
    }

    @Test
    void aRealNabSeriesAtTheDefaultSpeedupPublishesAboutOnceASecond() throws IOException {
        SeriesFile speed = SeriesFileTest.bundled("speed_t4013.csv");
        SeriesReplay replay = new SeriesReplay(speed, speed.indexAt(LocalDateTime.parse("2015-09-16T07:30")), 300, T0);

        SeriesFile.Row first = replay.next();
        Duration gap = Duration.between(first.time(), speed.rows().get(replay.nextIndex()).time());

        assertThat(first.time()).isEqualTo(LocalDateTime.parse("2015-09-16T07:34")); // the first row at or after 07:30
        assertThat(Duration.between(T0, replay.nextDue())).isEqualTo(gap.dividedBy(300));
        assertThat(Duration.between(T0, replay.nextDue())).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void nonPositiveSpeedupThrowsException() throws IOException {
        SeriesFile rows = fourRows();
        assertThatThrownBy(() -> new SeriesReplay(rows, 0, 0, T0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("speed-up");
        assertThatThrownBy(() -> new SeriesReplay(rows, 4, 300, T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
