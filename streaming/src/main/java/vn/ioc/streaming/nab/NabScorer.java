package vn.ioc.streaming.nab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.ioc.streaming.nab.ThresholdSweep.ThresholdScore;

/**
 * NAB's scoring (numenta/NAB at ea702d75, {@code nab/sweeper.py}, {@code optimizer.py},
 * {@code runner.py}) for a detector's anomaly scores. Per profile, one threshold for all files is
 * chosen to maximise the summed raw score; the normalised score is
 * 100 · (raw − null) / (perfect − null), with the null detector's raw score (NAB's constant
 * detector, at its own best threshold) and the perfect one's (tpWeight per labelled window) taken
 * over the same files: all of them, or one category's.
 *
 * <p>One call sorts the rows once and sweeps each profile in linear time; fast enough to call
 * after every change to a detector.
 */
public final class NabScorer {

    /** NAB's probationary period: the first 15 % of each file (at most 750 rows) is not scored. */
    public static final double PROBATION_PERCENT = 0.15;

    private final NabWindows windows;
    private final List<NabProfile> profiles;
    private final double probationPercent;

    public NabScorer(NabWindows windows, List<NabProfile> profiles, double probationPercent) {
        if (!(probationPercent >= 0 && probationPercent <= 1)) {
            throw new IllegalArgumentException("expected a probationary share in [0, 1] but was " + probationPercent);
        }
        this.windows = windows;
        this.profiles = List.copyOf(profiles);
        this.probationPercent = probationPercent;
    }

    /** NAB's own windows and profiles, and its probationary period. */
    public static NabScorer bundled() {
        return new NabScorer(NabWindows.bundled(), NabProfile.bundled(), PROBATION_PERCENT);
    }

    public List<NabProfile> profiles() {
        return profiles;
    }

    /** Per profile, in the profiles' order: the best threshold for all the files, and the scores it gives. */
    public List<NabProfileScore> optimise(List<NabSeries> results) {
        NabRows rows = NabRows.of(results, windows, probationPercent);
        int[] order = rows.byScoreDescending();
        List<NabProfileScore> out = new ArrayList<>();
        for (NabProfile p : profiles) {
            double[] sweep = rows.sweepScores(p);
            ThresholdScore best = ThresholdSweep.best(ThresholdSweep.byThreshold(rows.score, sweep, rows.window, rows.windowCount, p.fnWeight(), order));
            out.add(scoreAt(rows, p, sweep, best.threshold()));
        }
        return out;
    }

    /** Per profile: the scores at a given threshold (a row scoring at least {@code threshold} is a detection). */
    public List<NabProfileScore> scoreAt(List<NabSeries> results, double threshold) {
        NabRows rows = NabRows.of(results, windows, probationPercent);
        List<NabProfileScore> out = new ArrayList<>();
        for (NabProfile p : profiles) {
            out.add(scoreAt(rows, p, rows.sweepScores(p), threshold));
        }
        return out;
    }

    private static NabProfileScore scoreAt(NabRows rows, NabProfile p, double[] sweep, double threshold) {
        Tally[] detector = tally(rows, sweep, threshold);
        // NAB's null detector scores every row 0.5: its sweep has two thresholds, nothing detected or everything
        Tally[] silent = tally(rows, sweep, ThresholdSweep.ABOVE_ALL);
        Tally[] everything = tally(rows, sweep, Double.NEGATIVE_INFINITY);
        Map<String, NabScore> byCategory = new LinkedHashMap<>();
        for (int c = 0; c < rows.categories.length; c++) {
            byCategory.put(rows.categories[c], score(p, detector[c], silent[c], everything[c], rows.labelledWindows[c]));
        }
        int labelled = 0;
        for (int w : rows.labelledWindows) {
            labelled += w;
        }
        NabScore all = score(p, Tally.sum(detector), Tally.sum(silent), Tally.sum(everything), labelled);
        return new NabProfileScore(p, threshold, all, byCategory);
    }

    private static NabScore score(NabProfile p, Tally detector, Tally silent, Tally everything, int labelled) {
        double raw = detector.raw(p);
        // of equal scores NAB keeps the higher threshold: staying silent
        double nullRaw = everything.raw(p) > silent.raw(p) ? everything.raw(p) : silent.raw(p);
        return new NabScore(raw, nullRaw, labelled * p.tpWeight(), labelled, detector.detected, detector.falsePositives);
    }

    /** Each category's detections at a threshold. */
    private static Tally[] tally(NabRows rows, double[] sweep, double threshold) {
        Tally[] out = new Tally[rows.categories.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = new Tally();
        }
        double[] best = new double[rows.windowCount];
        boolean[] hit = new boolean[rows.windowCount];
        for (int r = 0; r < rows.size; r++) {
            if (rows.score[r] >= threshold) {
                int w = rows.window[r];
                if (w < 0) {
                    out[rows.category[r]].fp += sweep[r];
                    out[rows.category[r]].falsePositives++;
                } else if (!hit[w] || sweep[r] > best[w]) {
                    best[w] = sweep[r];
                    hit[w] = true;
                }
            }
        }
        for (int w = 0; w < rows.windowCount; w++) {
            Tally t = out[rows.windowCategory[w]];
            if (hit[w]) {
                t.tp += best[w];
                t.detected++;
            } else {
                t.missed++;
            }
        }
        return out;
    }

    /** Sums of detected windows' scores and of false positives' scores, and the windows missed. */
    private static final class Tally {
        double tp;
        double fp;
        int detected;
        int missed;
        int falsePositives;

        double raw(NabProfile p) {
            return fp + tp - p.fnWeight() * missed;
        }

        static Tally sum(Tally[] parts) {
            Tally all = new Tally();
            for (Tally t : parts) {
                all.tp += t.tp;
                all.fp += t.fp;
                all.detected += t.detected;
                all.missed += t.missed;
                all.falsePositives += t.falsePositives;
            }
            return all;
        }
    }
}
