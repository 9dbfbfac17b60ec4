package vn.ioc.streaming.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.ioc.streaming.nab.NabTesting.FILE;
import static vn.ioc.streaming.nab.NabTesting.detections;
import static vn.ioc.streaming.nab.NabTesting.firstRow;
import static vn.ioc.streaming.nab.NabTesting.generatedWindows;
import static vn.ioc.streaming.nab.NabTesting.lastRow;
import static vn.ioc.streaming.nab.NabTesting.rows;
import static vn.ioc.streaming.nab.NabTesting.timestamps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.ioc.streaming.nab.ThresholdSweep.ThresholdScore;

/**
 * The cases of NAB's own tests (numenta/NAB at ea702d75: {@code tests/integration/sweeper_test.py},
 * {@code scorer_test.py}, {@code true_positive_test.py}, {@code false_positive_test.py},
 * {@code false_negative_test.py}; and the older {@code tests/unit/scorer_test.py}, whose cases
 * still hold), with their expected values. Each nested class names the file it mirrors, each test
 * the NAB test.
 */
class NabReferenceCasesTest {

    /** NAB's tests' cost matrix: everything weighs 1. */
    private static final NabProfile ONES = new NabProfile("ones", 1.0, 1.0, 1.0);

    /**
     * NAB's {@code Sweeper.scoreDataSet} for one file: the sweep, then the row of the threshold
     * asked for (or of the lowest threshold above it). Checked against {@link NabScorer#scoreAt}.
     */
    private static ThresholdScore scoreDataSet(NabProfile costs, double probationPercent, double[] scores,
                                               List<NabWindow> windows, double threshold) {
        NabSeries series = new NabSeries(FILE, timestamps(scores.length), scores);
        NabWindows labels = NabWindows.of(Map.of(FILE, windows));
        NabRows rows = NabRows.of(List.of(series), labels, probationPercent);
        List<ThresholdScore> sweep = ThresholdSweep.byThreshold(rows.score, rows.sweepScores(costs), rows.window, rows.windowCount,
                costs.fnWeight(), rows.byScoreDescending());
        ThresholdScore matching = null;
        for (ThresholdScore s : sweep) {
            if (s.threshold() <= threshold) {
                if (s.threshold() == threshold) {
                    matching = s;
                }
                break;
            }
            matching = s;
        }
        double viaScorer = new NabScorer(labels, List.of(costs), probationPercent).scoreAt(List.of(series), threshold).get(0).all().raw();
        assertThat(viaScorer).isCloseTo(matching.score(), within(1e-12));
        return matching;
    }

    private static void assertCounts(ThresholdScore s, int tn, int tp, int fp, int fn) {
        assertThat(List.of(s.tn(), s.tp(), s.fp(), s.fn())).as("tn, tp, fp, fn").containsExactly(tn, tp, fp, fn);
    }

    @Nested
    class SweeperTest {

        @ParameterizedTest(name = "testGetProbationaryLength: {0} rows, {1} -> {2}")
        @CsvSource({"100, 0.0, 0", "100, 1.0, 100", "100, 0.1, 10", "100, 0.15, 15", "5000, 0.1, 500", "6000, 0.1, 500"})
        void testGetProbationaryLength(int rows, double percent, double expected) {
            assertThat(NabRows.probationaryLength(rows, percent)).isEqualTo(expected);
        }

        @Test
        void testCalcSweepScoreWindowScoreInteraction() {
            // 100 rows all scoring 1, windows over rows 30-39 and 75-95, probation 10 %, standard profile
            NabSeries s = new NabSeries(FILE, timestamps(100), detections(100, IntStream.range(0, 100).toArray()));
            NabRows rows = NabRows.of(List.of(s), NabWindows.of(Map.of(FILE, List.of(rows(30, 39), rows(75, 95)))), 0.1);
            assertThat(rows.size).isEqualTo(100 - 10);
            assertThat(Arrays.stream(rows.window).limit(rows.size).filter(w -> w >= 0).count()).isEqualTo(10 + 21);
            double[] sweep = rows.sweepScores(NabTesting.STANDARD);
            for (int r = 0; r < rows.size; r++) {
                if (rows.window[r] >= 0) {
                    assertThat(sweep[r]).as("row in a window").isPositive();
                } else {
                    assertThat(sweep[r]).as("row outside windows").isNegative();
                }
            }
        }

        @Test
        void testPrepAnomalyListForScoring() {
            // rows 2..7 of NAB's list (0 and 1 are probationary): scores 0.0, 0.1, 0.2, 0.5, 0.5, 0.0
            double[] scores = {0.0, 0.1, 0.2, 0.5, 0.5, 0.0};
            // NAB's expected order: rows 5, 6, 4, 3, 2, 7
            assertThat(NabRows.descending(scores, scores.length)).containsExactly(3, 4, 2, 1, 0, 5);
        }

        @Test
        void testPrepareScorePartsAndCalcScoreByThresholdReturnsExpectedScores() {
            // NAB's rows 2, 4, 5, 6, 7 (0 and 1 are probationary): anomaly score, sweep score, window (A = 0, B = 1)
            double fnWeight = 5.0;
            double[] anomaly = {0.0, 0.2, 0.3, 0.5, 0.5};
            double[] sweepScore = {-3, 20, 10, 5, -3};
            int[] window = {-1, 0, 0, 1, -1};
            List<ThresholdScore> actual = ThresholdSweep.byThreshold(anomaly, sweepScore, window, 2, fnWeight,
                    NabRows.descending(anomaly, anomaly.length));
            assertThat(actual).containsExactly(
                    new ThresholdScore(1.1, -2 * fnWeight, 0, 2, 0, 3), // both windows missed
                    new ThresholdScore(0.5, 5 - 3 - fnWeight, 1, 1, 1, 2), // both rows at 0.5 together; window A still missed
                    new ThresholdScore(0.3, 5 - 3 + 10, 2, 1, 1, 1),
                    new ThresholdScore(0.2, 5 - 3 + 20, 3, 1, 1, 0), // window A's earlier row takes over
                    new ThresholdScore(0.0, 5 - 3 + 20 - 3, 3, 0, 2, 0));
        }
    }

    @Nested
    class ScorerTest {

        @Test
        void testNullCase() {
            ThresholdScore s = scoreDataSet(ONES, 0, new double[10], List.of(), 0.5);
            assertThat(s.score()).isEqualTo(0.0);
            assertCounts(s, 10, 0, 0, 0);
        }

        @Test
        void testFalsePositiveScaling() {
            // random detections (seeded here) with fpWeight 0.11 roughly cancel out: the average lies in [-1.5, 0.5]
            NabProfile costs = new NabProfile("scaled", 1.0, 0.11, 1.0);
            List<NabWindow> windows = generatedWindows(100, 1, 10);
            Random random = new Random(42);
            double sum = 0;
            for (int k = 0; k < 20; k++) {
                List<Integer> rows = new ArrayList<>(IntStream.range(0, 100).boxed().toList());
                Collections.shuffle(rows, random);
                sum += scoreDataSet(costs, 0, detections(100, rows.subList(0, 10).stream().mapToInt(Integer::intValue).toArray()),
                        windows, 0.5).score();
            }
            assertThat(sum / 20).isBetween(-1.5, 0.5);
        }

        @Test
        void testRewardLowFalseNegatives() {
            List<NabWindow> windows = generatedWindows(100, 1, 10);
            ThresholdScore standard = scoreDataSet(ONES, 0, new double[100], windows, 0.5);
            ThresholdScore lowFn = scoreDataSet(new NabProfile("fn", 1.0, 0.055, 2.0), 0, new double[100], windows, 0.5);
            assertThat(standard.score()).isEqualTo(0.5 * lowFn.score());
            assertCounts(standard, 90, 0, 0, 10);
            assertCounts(lowFn, 90, 0, 0, 10);
        }

        @Test
        void testRewardLowFalsePositives() {
            ThresholdScore standard = scoreDataSet(ONES, 0, detections(100, 0), List.of(), 0.5);
            ThresholdScore lowFp = scoreDataSet(new NabProfile("fp", 1.0, 2.0, 0.5), 0, detections(100, 0), List.of(), 0.5);
            assertThat(standard.score()).isEqualTo(0.5 * lowFp.score());
            assertCounts(standard, 99, 0, 1, 0);
            assertCounts(lowFp, 99, 0, 1, 0);
        }

        @Test
        void testScoringAllMetrics() {
            List<NabWindow> windows = generatedWindows(100, 2, 5);
            int first = firstRow(windows.get(0));
            // a TP, a second TP in the same window, an FP
            ThresholdScore s = scoreDataSet(ONES, 0, detections(100, first, first + 1, first + 7), windows, 0.5);
            assertThat(s.score()).isCloseTo(-0.9540, within(0.00005));
            assertCounts(s, 100 - 10 - 1, 2, 1, 8);
        }
    }

    @Nested
    class TruePositiveTest {

        @Test
        void testFirstTruePositiveWithinWindow() {
            List<NabWindow> windows = generatedWindows(10, 1, 2);
            ThresholdScore s = scoreDataSet(ONES, 0, detections(10, firstRow(windows.get(0))), windows, 0.5);
            assertThat(s.score()).isEqualTo(1.0);
            assertCounts(s, 8, 1, 0, 1);
        }

        @Test
        void testEarlierTruePositiveIsBetter() {
            List<NabWindow> windows = generatedWindows(10, 1, 2);
            ThresholdScore early = scoreDataSet(ONES, 0, detections(10, firstRow(windows.get(0))), windows, 0.5);
            ThresholdScore late = scoreDataSet(ONES, 0, detections(10, lastRow(windows.get(0))), windows, 0.5);
            assertThat(early.score()).isGreaterThan(late.score());
            assertCounts(early, 8, 1, 0, 1);
            assertCounts(late, 8, 1, 0, 1);
        }

        @Test
        void testOnlyScoreFirstTruePositiveWithinWindow() {
            List<NabWindow> windows = generatedWindows(10, 1, 2);
            NabWindow w = windows.get(0);
            ThresholdScore one = scoreDataSet(ONES, 0, detections(10, firstRow(w)), windows, 0.5);
            ThresholdScore two = scoreDataSet(ONES, 0, detections(10, firstRow(w), lastRow(w)), windows, 0.5);
            assertThat(two.score()).isEqualTo(one.score());
            assertCounts(one, 8, 1, 0, 1);
            assertCounts(two, 8, 2, 0, 0);
        }

        @Test
        void testTruePositivesWithDifferentWindowSizes() {
            List<NabWindow> two = generatedWindows(10, 1, 2);
            List<NabWindow> three = generatedWindows(10, 1, 3);
            ThresholdScore s2 = scoreDataSet(ONES, 0, detections(10, firstRow(two.get(0))), two, 0.5);
            ThresholdScore s3 = scoreDataSet(ONES, 0, detections(10, firstRow(three.get(0))), three, 0.5);
            assertThat(s2.score()).isEqualTo(s3.score());
            assertCounts(s2, 8, 1, 0, 1);
            assertCounts(s3, 7, 1, 0, 2);
        }

        @Test
        void testTruePositiveAtRightEdgeOfWindow() {
            List<NabWindow> windows = generatedWindows(1000, 1, 100);
            int end = lastRow(windows.get(0));
            ThresholdScore atEnd = scoreDataSet(ONES, 0, detections(1000, end), windows, 0.5);
            ThresholdScore justAfter = scoreDataSet(ONES, 0, detections(1000, end + 1), windows, 0.5);
            // the TP at the end and the FP just after nearly cancel; the 1 is the window missed by the second
            assertThat(atEnd.score() + justAfter.score() + 1).isCloseTo(0.0, within(0.0005));
            assertCounts(atEnd, 900, 1, 0, 99);
            assertCounts(justAfter, 899, 0, 1, 100);
        }
    }

    @Nested
    class FalsePositiveTest {

        @Test
        void testFalsePositiveMeansNegativeScore() {
            ThresholdScore s = scoreDataSet(ONES, 0, detections(1000, 0), generatedWindows(1000, 1, 10), 0.5);
            assertThat(s.score()).isNegative();
            assertCounts(s, 989, 0, 1, 10);
        }

        @Test
        void testTwoFalsePositivesIsWorseThanOne() {
            List<NabWindow> windows = generatedWindows(1000, 1, 10);
            ThresholdScore one = scoreDataSet(ONES, 0, detections(1000, 0), windows, 0.5);
            ThresholdScore two = scoreDataSet(ONES, 0, detections(1000, 0, 1), windows, 0.5);
            assertThat(two.score()).isLessThan(one.score());
            assertCounts(one, 989, 0, 1, 10);
            assertCounts(two, 988, 0, 2, 10);
        }

        @Test
        void testOneFalsePositiveNoWindow() {
            ThresholdScore s = scoreDataSet(ONES, 0, detections(1000, 0), List.of(), 0.5);
            assertThat(s.score()).isEqualTo(-ONES.fpWeight());
            assertCounts(s, 999, 0, 1, 0);
        }

        @Test
        void testEarlierFalsePositiveAfterWindowIsBetter() {
            List<NabWindow> windows = generatedWindows(10, 1, 2);
            int after = lastRow(windows.get(0)) + 1;
            ThresholdScore earlier = scoreDataSet(ONES, 0, detections(10, after), windows, 0.5);
            ThresholdScore later = scoreDataSet(ONES, 0, detections(10, after + 1), windows, 0.5);
            assertThat(earlier.score()).isGreaterThan(later.score());
            assertCounts(earlier, 7, 0, 1, 2);
            assertCounts(later, 7, 0, 1, 2);
        }
    }

    @Nested
    class FalseNegativeTest {

        @Test
        void testFalseNegativeCausesNegativeScore() {
            ThresholdScore s = scoreDataSet(ONES, 0, new double[1000], generatedWindows(1000, 1, 10), 1.0);
            assertThat(s.score()).isEqualTo(-ONES.fnWeight());
            assertCounts(s, 990, 0, 0, 10);
        }

        @Test
        void testFourFalseNegatives() {
            ThresholdScore s = scoreDataSet(ONES, 0, new double[2000], generatedWindows(2000, 4, 10), 1);
            assertThat(s.score()).isEqualTo(4 * -ONES.fnWeight());
            assertCounts(s, 1960, 0, 0, 40);
        }
    }

    /** tests/unit/scorer_test.py (2016, NAB's earlier Scorer class): 5 or 7 rows, the probationary period in rows. */
    @Nested
    class UnitScorerTest {

        private final NabProfile costs = new NabProfile("unit", 1.1, 0.11, 1.2);
        private final double firstWindowScore = 0.8482836399575131 * 1.1 / 0.9866142981514305;
        private final double secondWindowScore = 0.9866142981514305 * 1.1 / 0.9866142981514305;

        private double score(int probationRows, double[] scores, NabWindow... windows) {
            // NAB's sweeper takes a share of the rows: 4 of 5 rows is 0.8, 3 of 5 is 0.6
            return scoreDataSet(costs, probationRows / (double) scores.length, scores, List.of(windows), 0.5).score();
        }

        @Test
        void testNull() {
            assertThat(score(0, new double[5])).isCloseTo(0.0, within(1e-7));
        }

        @Test
        void testFalsePositives() {
            assertThat(score(0, detections(5, 1, 3))).isCloseTo(-2.0 * 0.11, within(1e-7));
        }

        @Test
        void testFalseNegatives() {
            assertThat(score(0, new double[7], rows(1, 2), rows(4, 5))).isCloseTo(-2.0 * 1.2, within(1e-7));
        }

        @Test
        void testFalsePositivesInProbationary() {
            assertThat(score(4, detections(5, 1, 3))).isCloseTo(0.0, within(1e-7));
        }

        @Test
        void testFalsePositivesBeforeAndAfterProbationary() {
            assertThat(score(3, detections(5, 1, 3))).isCloseTo(-1.0 * 0.11, within(1e-7));
        }

        @Test
        void testTruePositives1() {
            assertThat(score(0, detections(7, 2), rows(1, 2))).isCloseTo(firstWindowScore, within(1e-7));
        }

        @Test
        void testTruePositives1WithFN() {
            assertThat(score(0, detections(7, 2), rows(1, 2), rows(4, 5))).isCloseTo(firstWindowScore - 1.2, within(1e-7));
        }

        @Test
        void testTruePositives2() {
            assertThat(score(0, detections(7, 4), rows(4, 5))).isCloseTo(secondWindowScore, within(1e-7));
        }

        @Test
        void testTruePositives3() {
            assertThat(score(0, detections(7, 4, 5), rows(4, 5))).isCloseTo(secondWindowScore, within(1e-7));
        }

        @Test
        void testTruePositivesMultiple() {
            assertThat(score(0, detections(7, 2, 4), rows(1, 2), rows(4, 5))).isCloseTo(firstWindowScore + secondWindowScore, within(1e-7));
        }
    }
}
