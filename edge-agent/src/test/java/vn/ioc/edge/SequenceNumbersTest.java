package vn.ioc.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceNumbersTest {

    @TempDir
    Path dir;

    private static List<Long> take(SequenceNumbers seq, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(seq.next());
        }
        return out;
    }

    @Test
    void numbersIncreaseWithoutGapAcrossACleanRestart() throws IOException {
        SequenceNumbers first = SequenceNumbers.open(dir, "hue-phuhoi", 4);
        List<Long> before = take(first, 6);
        first.close();

        SequenceNumbers second = SequenceNumbers.open(dir, "hue-phuhoi", 4);
        List<Long> after = take(second, 3);
        second.close();

        assertThat(before).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(after).containsExactly(7L, 8L, 9L);
    }

    @Test
    void aCrashNeverLeadsToANumberBeingUsedTwice() throws IOException {
        SequenceNumbers crashed = SequenceNumbers.open(dir, "hue-phuhoi", 4);
        List<Long> beforeCrash = take(crashed, 6); // the second block (5..8) is reserved and half used
        // No close(): the process died here.

        SequenceNumbers restarted = SequenceNumbers.open(dir, "hue-phuhoi", 4);
        long firstAfter = restarted.next();

        assertThat(firstAfter).isGreaterThan(beforeCrash.get(beforeCrash.size() - 1));
        assertThat(firstAfter).isEqualTo(9); // the rest of the reserved block is skipped, not reused
    }

    @Test
    void repeatedCrashesRightAfterReservingStillNeverReuse() throws IOException {
        long highest = 0;
        for (int run = 0; run < 5; run++) {
            SequenceNumbers seq = SequenceNumbers.open(dir, "hue-vida", 10);
            long n = seq.next();
            assertThat(n).isGreaterThan(highest);
            highest = n;
        }
    }

    @Test
    void agentsNumberIndependently() throws IOException {
        try (SequenceNumbers a = SequenceNumbers.open(dir, "a"); SequenceNumbers b = SequenceNumbers.open(dir, "b")) {
            assertThat(a.next()).isEqualTo(1);
            assertThat(a.next()).isEqualTo(2);
            assertThat(b.next()).isEqualTo(1);
        }
    }

    @Test
    void aCorruptStateFileThrowsExceptionRatherThanStartingOver() throws IOException {
        Files.writeString(dir.resolve("hue-duc.seq"), "garbage");

        assertThatThrownBy(() -> SequenceNumbers.open(dir, "hue-duc"))
                .isInstanceOf(IOException.class).hasMessageContaining("hue-duc.seq").hasMessageContaining("garbage");
    }

    @Test
    void nextAfterCloseThrowsException() throws IOException {
        SequenceNumbers seq = SequenceNumbers.open(dir, "x");
        seq.close();
        assertThatThrownBy(seq::next).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void skipPastMovesTheNumberingAboveNumbersInUseElsewhereAndKeepsItThereAfterACrash() throws IOException {
        SequenceNumbers seq = SequenceNumbers.open(dir, "hue-an", 10);
        seq.skipPast(41);
        long first = seq.next();
        seq.skipPast(5); // lower: no effect

        SequenceNumbers afterCrash = SequenceNumbers.open(dir, "hue-an", 10);

        assertThat(first).isEqualTo(42);
        assertThat(seq.next()).isEqualTo(43);
        assertThat(afterCrash.next()).isGreaterThan(43);
    }
}
