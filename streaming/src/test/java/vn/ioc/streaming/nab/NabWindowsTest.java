package vn.ioc.streaming.nab;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The bundled windows and profiles, against the data files kept in the test resources. */
class NabWindowsTest {

    private static NabWindows parse(String json) {
        return NabWindows.read(new ByteArrayInputStream(json.getBytes(UTF_8)));
    }

    @Test
    void everyWindowOfTheTestDataLiesOnRowsOfItsFileInOrderWithoutOverlap() {
        NabWindows windows = NabWindows.bundled();
        List<NabData> corpus = NabTesting.corpus();
        assertThat(corpus).hasSize(20);
        int count = 0;
        for (NabData d : corpus) {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (long t : d.timestamps()) {
                first = Math.min(first, t);
                last = Math.max(last, t);
            }
            int previousEnd = -1;
            for (NabWindow w : windows.of(d.file())) {
                assertThat(w.start()).as(d.file()).isBetween(first, last);
                assertThat(w.end()).as(d.file()).isBetween(w.start(), last);
                int start = onlyRow(d, w.start());
                int end = onlyRow(d, w.end());
                assertThat(start).as(d.file() + ": a window starts after the one before ends").isGreaterThan(previousEnd);
                assertThat(end).as(d.file()).isGreaterThanOrEqualTo(start);
                // NAB drops a window that would begin in the probationary period when it builds the labels
                assertThat((double) start).as(d.file()).isGreaterThanOrEqualTo(NabRows.probationaryLength(d.size(), 0.15));
                previousEnd = end;
                count++;
            }
        }
        assertThat(count).isEqualTo(39);
    }

    private static int onlyRow(NabData d, long time) {
        int found = -1;
        for (int i = 0; i < d.size(); i++) {
            if (d.timestamps()[i] == time) {
                assertThat(found).as(d.file() + ": " + NabCorpus.format(time) + " on one row only").isEqualTo(-1);
                found = i;
            }
        }
        assertThat(found).as(d.file() + ": a row at " + NabCorpus.format(time)).isNotNegative();
        return found;
    }

    @Test
    void bundledWindowsCoverTheTestData() {
        NabWindows windows = NabWindows.bundled();
        assertThat(windows.files()).containsExactlyElementsOf(NabCorpus.dataFiles(NabTesting.dataDir()).keySet());
        assertThat(windows.of("realTraffic/speed_7578.csv")).hasSize(4).first()
                .isEqualTo(new NabWindow(NabCorpus.timestamp("2015-09-11 15:34:00"), NabCorpus.timestamp("2015-09-11 17:54:00")));
    }

    @Test
    void bundledProfilesAreNabsThree() {
        assertThat(NabProfile.bundled()).containsExactly(
                new NabProfile("standard", 1.0, 0.11, 1.0),
                new NabProfile("reward_low_FP_rate", 1.0, 0.22, 1.0),
                new NabProfile("reward_low_FN_rate", 1.0, 0.11, 2.0));
    }

    @Test
    void overlappingWindowsAreRefusedWithTheFile() {
        assertThatThrownBy(() -> parse("{\"a/b.csv\": [[\"2015-01-01 00:00:00\", \"2015-01-02 00:00:00\"],"
                + " [\"2015-01-02 00:00:00\", \"2015-01-03 00:00:00\"]]}"))
                .hasMessageContaining("a/b.csv").hasMessageContaining("start after the previous one ends");
    }

    @Test
    void windowEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> parse("{\"a/b.csv\": [[\"2015-01-02 00:00:00\", \"2015-01-01 00:00:00\"]]}"))
                .hasMessageContaining("a/b.csv").hasMessageContaining("end at or after its start");
    }

    @Test
    void malformedTimestampIsRefusedWithAnExample() {
        assertThatThrownBy(() -> parse("{\"a/b.csv\": [[\"yesterday\", \"2015-01-01 00:00:00\"]]}"))
                .hasMessageContaining("a/b.csv").hasMessageContaining("2015-09-01 11:25:00").hasMessageContaining("yesterday");
    }

    @Test
    void timestampsWithAndWithoutFractionAreTheSameInstant() {
        assertThat(NabCorpus.timestamp("2015-09-15 06:55:00.000000")).isEqualTo(NabCorpus.timestamp("2015-09-15 06:55:00"))
                .isEqualTo(Instant.parse("2015-09-15T06:55:00Z").toEpochMilli());
    }
}
