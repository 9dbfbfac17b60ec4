package vn.ioc.streaming.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static vn.ioc.streaming.nab.NabTesting.FILE;
import static vn.ioc.streaming.nab.NabTesting.LOW_FN;
import static vn.ioc.streaming.nab.NabTesting.STANDARD;
import static vn.ioc.streaming.nab.NabTesting.detections;
import static vn.ioc.streaming.nab.NabTesting.raw;
import static vn.ioc.streaming.nab.NabTesting.rows;
import static vn.ioc.streaming.nab.NabTesting.scorer;
import static vn.ioc.streaming.nab.NabTesting.timestamps;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Hand-made files with NAB's own probationary period (15 %): 100 rows, so rows 0 to 14 are not
 * scored, and one window over rows 40 to 49 (10 rows). Expected values are worked out from NAB's
 * formulas: a detection at relative position x (−1 at a window's first row) earns
 * S(x)·tpWeight/S(−1), with S(x) = 2/(1 + e^(5x)) − 1.
 */
class NabScorerTest {

    private static final int N = 100;
    private static final NabScorer SCORER = scorer(STANDARD, NabScorer.PROBATION_PERCENT, rows(40, 49));
    private static final double MAX_TP = 0.9866142981514305; // S(-1)

    @Test
    void detectionAtTheWindowsFirstRowEarnsTheWholeTpWeight() {
        assertThat(raw(SCORER, detections(N, 40))).isEqualTo(1.0);
    }

    @Test
    void detectionInTheMiddleEarnsTheSigmoidOfItsPosition() {
        // row 44: x = -(49 - 44 + 1) / 10 = -0.6, S = 0.905148
        assertThat(raw(SCORER, detections(N, 44))).isCloseTo(0.9051482536448667 / MAX_TP, within(1e-12))
                .isCloseTo(0.917429, within(1e-6));
    }

    @Test
    void onlyTheFirstDetectionInAWindowCounts() {
        double first = raw(SCORER, detections(N, 44));
        assertThat(raw(SCORER, detections(N, 44, 46))).isEqualTo(first);
        assertThat(raw(SCORER, detections(N, 44, 45, 46, 47, 48, 49))).isEqualTo(first);
        // row 46 alone: x = -0.4, later and worth less
        assertThat(raw(SCORER, detections(N, 46))).isCloseTo(0.7719269398210883, within(1e-12));
    }

    @Test
    void falsePositiveBeforeAnyWindowCostsTheWholeFpWeight() {
        assertThat(raw(SCORER, detections(N, 20, 40))).isCloseTo(1.0 - 0.11, within(1e-15));
    }

    @Test
    void falsePositiveJustAfterAWindowCostsLess() {
        // row 50: x = |49 - 50| / (10 - 1) = 1/9, S = -0.270847: 0.11 × that
        assertThat(raw(SCORER, detections(N, 40, 50))).isCloseTo(1.0 - 0.11 * 0.2708471185167214, within(1e-12));
        // three window lengths after it NAB's sigmoid is still just above -1; beyond, it is -1
        assertThat(raw(SCORER, detections(N, 40, 76))).isCloseTo(1.0 - 0.10999993270151008, within(1e-12));
        assertThat(raw(SCORER, detections(N, 40, 77))).isEqualTo(1.0 - 0.11);
    }

    @Test
    void missedWindowCostsTheFnWeight() {
        assertThat(raw(SCORER, detections(N))).isEqualTo(-1.0);
        assertThat(raw(scorer(LOW_FN, NabScorer.PROBATION_PERCENT, rows(40, 49)), detections(N))).isEqualTo(-2.0);
    }

    @Test
    void detectionInTheProbationaryPeriodIsIgnored() {
        assertThat(raw(SCORER, detections(N, 0, 5, 14))).isEqualTo(-1.0);
        assertThat(raw(SCORER, detections(N, 15))).isEqualTo(-1.0 - 0.11);
    }

    @Test
    void windowInsideTheProbationaryPeriodIsNeitherMissedNorDetectedButCountsForThePerfectScore() {
        NabScorer scorer = scorer(STANDARD, NabScorer.PROBATION_PERCENT, rows(5, 9), rows(40, 49));
        NabSeries s = new NabSeries(FILE, timestamps(N), detections(N, 40));
        NabScore score = scorer.scoreAt(List.of(s), 0.5).get(0).all();
        assertThat(score.raw()).isEqualTo(1.0);
        assertThat(score.nullRaw()).isEqualTo(-1.0);
        assertThat(score.perfectRaw()).isEqualTo(2.0);
        assertThat(score.windows()).isEqualTo(2);
        assertThat(score.detected()).isEqualTo(1);
    }

    @Test
    void scoreAtAThresholdCountsRowsScoringAtLeastIt() {
        double[] scores = new double[N];
        scores[40] = 0.6;
        scores[20] = 0.4;
        NabSeries s = new NabSeries(FILE, timestamps(N), scores);
        assertThat(SCORER.scoreAt(List.of(s), 0.6).get(0).all().raw()).isEqualTo(1.0);
        assertThat(SCORER.scoreAt(List.of(s), 0.4).get(0).all().raw()).isCloseTo(0.89, within(1e-15));
        assertThat(SCORER.scoreAt(List.of(s), 0.61).get(0).all().raw()).isEqualTo(-1.0);
    }

    @Test
    void normalisedScoreRunsFromTheNullToThePerfectDetector() {
        NabSeries s = new NabSeries(FILE, timestamps(N), detections(N, 44));
        NabScore score = SCORER.scoreAt(List.of(s), 0.5).get(0).all();
        // null: silent, -1; perfect: 1
        assertThat(score.normalised()).isCloseTo(100 * (0.9174286804284079 + 1) / 2, within(1e-9));
    }

    @Test
    void nullDetectorIsNabsConstantDetectorAtItsBestThreshold() {
        // a window over rows 0-8 of 10, nothing scored as probationary: detecting every row (the window
        // at its first row, one FP right after it) beats staying silent, so that is the null score
        NabScorer scorer = scorer(STANDARD, 0, rows(0, 8));
        NabSeries silent = new NabSeries(FILE, timestamps(10), new double[10]);
        NabProfileScore s = scorer.optimise(List.of(silent)).get(0);
        double everything = 1.0 - 0.11 * 0.3027097293321085; // FP at x = |8 - 9| / (9 - 1) = 1/8
        assertThat(s.all().nullRaw()).isCloseTo(everything, within(1e-8));
        assertThat(s.threshold()).isEqualTo(0.0);
        assertThat(s.normalised()).isEqualTo(0.0);
        assertThat(scorer.scoreAt(List.of(silent), 0.5).get(0).all().raw()).isEqualTo(-1.0);
    }

    @Test
    void nullDetectorScoresZeroUnderEveryProfile() {
        List<NabSeries> silent = new ArrayList<>();
        for (NabData d : NabTesting.corpus()) {
            silent.add(new NabSeries(d.file(), d.timestamps(), new double[d.size()]));
        }
        List<NabProfileScore> scores = NabScorer.bundled().optimise(silent);
        assertThat(scores).extracting(s -> s.profile().name()).containsExactly("standard", "reward_low_FP_rate", "reward_low_FN_rate");
        for (NabProfileScore s : scores) {
            assertThat(s.normalised()).as(s.profile().name()).isEqualTo(0.0);
            assertThat(s.categories().values()).allSatisfy(c -> assertThat(c.normalised()).isEqualTo(0.0));
            assertThat(s.all().raw()).isEqualTo(-39 * s.profile().fnWeight());
        }
    }

    @Test
    void perfectDetectorScoresOneHundredUnderEveryProfile() {
        NabWindows windows = NabWindows.bundled();
        List<NabSeries> perfect = new ArrayList<>();
        for (NabData d : NabTesting.corpus()) {
            double[] scores = new double[d.size()];
            for (NabWindow w : windows.of(d.file())) {
                for (int i = 0; i < d.size(); i++) {
                    if (d.timestamps()[i] == w.start()) {
                        scores[i] = 1;
                    }
                }
            }
            perfect.add(new NabSeries(d.file(), d.timestamps(), scores));
        }
        for (NabProfileScore s : NabScorer.bundled().optimise(perfect)) {
            assertThat(s.normalised()).as(s.profile().name()).isEqualTo(100.0);
            assertThat(s.categories()).hasSize(3).allSatisfy((c, score) -> assertThat(score.normalised()).as(c).isEqualTo(100.0));
            assertThat(s.threshold()).isEqualTo(1.0);
            assertThat(s.all().detected()).isEqualTo(39);
            assertThat(s.all().falsePositives()).isZero();
        }
    }

    @Test
    void aFileWithoutLabelsIsRefusedByName() {
        NabSeries s = new NabSeries("test/unknown.csv", timestamps(N), detections(N));
        assertThatThrownBy(() -> SCORER.optimise(List.of(s))).hasMessageContaining("test/unknown.csv");
    }

    @Test
    void aWindowTimeThatIsNotARowIsRefused() {
        long[] t = timestamps(N);
        t[40] += 1000;
        NabSeries s = new NabSeries(FILE, t, detections(N));
        assertThatThrownBy(() -> SCORER.optimise(List.of(s))).hasMessageContaining(FILE).hasMessageContaining("2016-07-05 13:20:00");
    }

    @Test
    void scoresOutsideZeroToOneAreRefused() {
        assertThatThrownBy(() -> new NabSeries(FILE, timestamps(2), new double[] {0.5, 1.5}))
                .hasMessageContaining("row 2").hasMessageContaining("1.5");
        assertThatThrownBy(() -> new NabSeries(FILE, timestamps(2), new double[] {Double.NaN, 0}))
                .hasMessageContaining("NaN");
    }
}
