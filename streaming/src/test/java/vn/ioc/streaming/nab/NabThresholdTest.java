package vn.ioc.streaming.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.ioc.streaming.nab.NabTesting.FILE;
import static vn.ioc.streaming.nab.NabTesting.STANDARD;
import static vn.ioc.streaming.nab.NabTesting.rows;
import static vn.ioc.streaming.nab.NabTesting.timestamps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The threshold NAB picks: one for all files, the best summed raw score, equal scores detected together. */
class NabThresholdTest {

    /** Three categories, two files each, 600 rows, windows here and there, scores coarse enough to tie often. */
    private static List<NabSeries> corpus(Random random, Map<String, List<NabWindow>> windows) {
        List<NabSeries> files = new ArrayList<>();
        for (String category : List.of("alpha", "beta", "gamma")) {
            for (int f = 0; f < 2; f++) {
                String key = category + "/f" + f + ".csv";
                List<NabWindow> w = List.of(rows(150 + 40 * f, 209 + 40 * f), rows(400, 459));
                windows.put(key, w);
                double[] scores = new double[600];
                for (int i = 0; i < scores.length; i++) {
                    boolean inWindow = (i >= 150 + 40 * f && i <= 209 + 40 * f) || (i >= 400 && i <= 459);
                    double x = random.nextDouble() * (inWindow ? 1.0 : 0.8) + (inWindow && random.nextInt(20) == 0 ? 0.3 : 0);
                    scores[i] = Math.min(1, Math.round(x * 40) / 40.0);
                }
                files.add(new NabSeries(key, timestamps(600), scores));
            }
        }
        return files;
    }

    @Test
    void chosenThresholdIsTheBestOfEveryDistinctScore() {
        for (long seed = 1; seed <= 5; seed++) {
            Map<String, List<NabWindow>> windows = new HashMap<>();
            List<NabSeries> files = corpus(new Random(seed), windows);
            NabScorer scorer = new NabScorer(NabWindows.of(windows), NabProfile.bundled(), NabScorer.PROBATION_PERCENT);

            TreeSet<Double> thresholds = new TreeSet<>(Comparator.reverseOrder());
            thresholds.add(1.1);
            files.forEach(f -> Arrays.stream(f.scores()).forEach(thresholds::add));
            List<NabProfileScore> optimised = scorer.optimise(files);
            for (int p = 0; p < optimised.size(); p++) {
                double bestRaw = Double.NEGATIVE_INFINITY;
                double bestThreshold = Double.NaN;
                for (double t : thresholds) { // highest first: of equal scores the higher threshold stays
                    double raw = scorer.scoreAt(files, t).get(p).all().raw();
                    if (raw > bestRaw + 1e-9) {
                        bestRaw = raw;
                        bestThreshold = t;
                    }
                }
                NabProfileScore chosen = optimised.get(p);
                assertThat(chosen.threshold()).as("seed " + seed + ", " + chosen.profile().name()).isEqualTo(bestThreshold);
                assertThat(chosen.all().raw()).isCloseTo(bestRaw, within(1e-9));
            }
        }
    }

    @Test
    void categoriesAreScoredAtTheThresholdOfAllFiles() {
        Map<String, List<NabWindow>> windows = new HashMap<>();
        List<NabSeries> files = corpus(new Random(7), windows);
        NabScorer scorer = new NabScorer(NabWindows.of(windows), List.of(STANDARD), NabScorer.PROBATION_PERCENT);
        NabProfileScore all = scorer.optimise(files).get(0);
        assertThat(all.categories()).containsOnlyKeys("alpha", "beta", "gamma");
        double sum = 0;
        for (String c : List.of("alpha", "beta", "gamma")) {
            List<NabSeries> alone = files.stream().filter(f -> f.category().equals(c)).toList();
            NabScore category = scorer.scoreAt(alone, all.threshold()).get(0).all();
            assertThat(all.categories().get(c)).isEqualTo(category);
            sum += category.raw();
        }
        assertThat(all.all().raw()).isCloseTo(sum, within(1e-12));
    }

    @Test
    void rowsOfEqualScoreAreDetectionsTogether() {
        // the window's first row and 20 rows long before it all score 0.8: taking the window means taking them
        double[] scores = new double[100];
        scores[40] = 0.8;
        for (int i = 15; i < 35; i++) {
            scores[i] = 0.8;
        }
        NabScorer scorer = NabTesting.scorer(STANDARD, NabScorer.PROBATION_PERCENT, rows(40, 49));
        NabProfileScore s = scorer.optimise(List.of(new NabSeries(FILE, timestamps(100), scores))).get(0);
        assertThat(s.threshold()).isEqualTo(ThresholdSweep.ABOVE_ALL);
        assertThat(s.all().raw()).isEqualTo(-1.0);
        // apart, the window alone would have been worth it
        scores[40] = 0.81;
        s = scorer.optimise(List.of(new NabSeries(FILE, timestamps(100), scores))).get(0);
        assertThat(s.threshold()).isEqualTo(0.81);
        assertThat(s.all().raw()).isEqualTo(1.0);
    }

    @Test
    void ofThresholdsWithEqualScoresTheHighestIsChosen() {
        // lowering the threshold from 0.9 to 0.7 only adds later rows of an already detected window
        double[] scores = new double[100];
        scores[40] = 0.9;
        scores[45] = 0.7;
        scores[46] = 0.7;
        NabScorer scorer = NabTesting.scorer(STANDARD, NabScorer.PROBATION_PERCENT, rows(40, 49));
        NabProfileScore s = scorer.optimise(List.of(new NabSeries(FILE, timestamps(100), scores))).get(0);
        assertThat(s.threshold()).isEqualTo(0.9);
        assertThat(s.all().raw()).isEqualTo(1.0);
    }
}
