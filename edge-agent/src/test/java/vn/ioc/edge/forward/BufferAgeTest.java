package vn.ioc.edge.forward;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BufferAgeTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theOldestUndeliveredRecordsSecondGivesTheAge() {
        BufferAge age = new BufferAge();
        assertThat(age.oldestNanos(100 * SECOND)).isZero();
        // seq 1..30 appended over three seconds, ten a second
        for (int i = 0; i < 30; i++) {
            age.appended(i + 1, (i / 10) * SECOND + (i % 10) * SECOND / 10);
        }
        assertThat(age.oldestNanos(10 * SECOND)).isEqualTo(10 * SECOND);

        age.delivered(10, 20); // the first second's records are through
        assertThat(age.oldestNanos(10 * SECOND)).isEqualTo(9 * SECOND);
        age.delivered(15, 15); // half of the second's: it still counts from its start
        assertThat(age.oldestNanos(10 * SECOND)).isEqualTo(9 * SECOND);
        age.delivered(29, 1);
        assertThat(age.oldestNanos(10 * SECOND)).isEqualTo(8 * SECOND);
        age.delivered(30, 0);
        assertThat(age.oldestNanos(10 * SECOND)).isZero();

        age.appended(31, 20 * SECOND);
        assertThat(age.oldestNanos(21 * SECOND)).isEqualTo(SECOND);
    }

    @Test
    void aSteadyFlowKeepsFewMarks() {
        BufferAge age = new BufferAge();
        // a record every 100 ms, each delivered when the next is appended: the buffer is never empty
        for (int i = 1; i <= 100_000; i++) {
            age.appended(i, i * SECOND / 10);
            age.delivered(i - 1, 1);
        }
        assertThat(age.oldestNanos(100_000 * SECOND / 10)).isLessThanOrEqualTo(SECOND);
    }
}
