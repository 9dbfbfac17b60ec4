package vn.ioc.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class SeriesFileTest {

    static SeriesFile bundled(String name) throws IOException {
        try (InputStream in = SeriesFileTest.class.getClassLoader().getResourceAsStream("replay/nab/realTraffic/" + name)) {
            assertThat(in).as(name + " on the classpath").isNotNull();
            return SeriesFile.read(name, in);
        }
    }

    static SeriesFile csv(String text) throws IOException {
        return SeriesFile.read("test.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsEveryRowOfARealNabSpeedFile() throws IOException {
        SeriesFile speed = bundled("speed_t4013.csv");

        assertThat(speed.size()).isEqualTo(2495);
        assertThat(speed.first()).isEqualTo(new SeriesFile.Row(LocalDateTime.parse("2015-09-01T11:25"), 58));
        assertThat(speed.last()).isEqualTo(new SeriesFile.Row(LocalDateTime.parse("2015-09-17T16:19"), 60));
        assertThat(speed.typicalGap()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void readsDecimalValuesAndAFileWithoutTrailingNewline() throws IOException {
        SeriesFile occupancy = bundled("occupancy_6005.csv");
        SeriesFile travel = bundled("TravelTime_387.csv");

        assertThat(occupancy.size()).isEqualTo(2380);
        assertThat(occupancy.first().value()).isEqualTo(3.06);
        assertThat(occupancy.last().value()).isEqualTo(5.56);
        assertThat(travel.size()).isEqualTo(2500);
        assertThat(travel.first().value()).isEqualTo(564);
        assertThat(travel.last()).isEqualTo(new SeriesFile.Row(LocalDateTime.parse("2015-09-17T17:10"), 305));
        assertThat(travel.typicalGap()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void indexAtPicksTheFirstRowAtOrAfterTheStart() throws IOException {
        SeriesFile speed = bundled("speed_t4013.csv");

        int i = speed.indexAt(LocalDateTime.parse("2015-09-16T07:30"));

        assertThat(speed.rows().get(i).time()).isAfterOrEqualTo(LocalDateTime.parse("2015-09-16T07:30"));
        assertThat(speed.rows().get(i - 1).time()).isBefore(LocalDateTime.parse("2015-09-16T07:30"));
        assertThat(speed.indexAt(LocalDateTime.parse("2000-01-01T00:00"))).isZero();
        assertThat(speed.indexAt(speed.last().time())).isEqualTo(speed.size() - 1);
    }

    @Test
    void indexAtAfterTheLastRowThrowsException() throws IOException {
        SeriesFile speed = bundled("speed_t4013.csv");

        assertThatThrownBy(() -> speed.indexAt(LocalDateTime.parse("2015-09-18T00:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2015-09-17T16:19").hasMessageContaining("2015-09-18T00:00");
    }

    @Test
    void gapAfterTheLastRowIsTheTypicalGapAndRowsOutOfOrderHaveNone() throws IOException {
        SeriesFile s = csv("timestamp,value\n2015-01-01 00:00:00,1\n2015-01-01 00:05:00,2\n2015-01-01 00:04:00,3\n2015-01-01 00:09:00,4\n");

        assertThat(s.gapAfter(0)).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.gapAfter(1)).isZero();
        assertThat(s.gapAfter(3)).isEqualTo(s.typicalGap()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void malformedRowThrowsExceptionNamingTheLine() {
        assertThatThrownBy(() -> csv("timestamp,value\n2015-01-01 00:00:00,1\n2015-01-01 00:05,2\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("test.csv line 3");
        assertThatThrownBy(() -> csv("time,speed\n2015-01-01 00:00:00,1\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> csv("timestamp,value\n2015-01-01 00:00:00,1\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("at least 2 rows");
    }
}
