package vn.ioc.streaming.nab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * NAB's threshold sweep ({@code Sweeper.calcScoreByThreshold}): rows taken by anomaly score,
 * highest first; each distinct score is a threshold at which every row scoring at least that much
 * is a detection. Rows of equal score become detections together. The first threshold, 1.1, has
 * no detections at all. O(n) for rows already sorted.
 */
final class ThresholdSweep {

    static final double ABOVE_ALL = 1.1;

    /** The raw score at one threshold and NAB's row counts (tp, fp: detected rows in and outside windows). */
    record ThresholdScore(double threshold, double score, int tp, int tn, int fp, int fn) {
    }

    private ThresholdSweep() {
    }

    /**
     * @param anomaly     each row's anomaly score
     * @param sweepScore  each row's NAB score if detected ({@link NabRows#sweepScores})
     * @param window      each row's window, or -1
     * @param windowCount the windows 0 .. windowCount-1, each worth −fnWeight until detected
     * @param order       the rows by anomaly score, highest first, stable
     */
    static List<ThresholdScore> byThreshold(double[] anomaly, double[] sweepScore, int[] window, int windowCount,
                                            double fnWeight, int[] order) {
        double[] best = new double[windowCount];
        Arrays.fill(best, -fnWeight);
        double windows = -fnWeight * windowCount;
        double fp = 0;
        int inWindows = 0;
        for (int r : order) {
            inWindows += window[r] >= 0 ? 1 : 0;
        }
        int tpRows = 0;
        int fnRows = inWindows;
        int fpRows = 0;
        int tnRows = order.length - inWindows;
        List<ThresholdScore> out = new ArrayList<>();
        double threshold = ABOVE_ALL;
        for (int r : order) {
            if (anomaly[r] != threshold) {
                out.add(new ThresholdScore(threshold, fp + windows, tpRows, tnRows, fpRows, fnRows));
                threshold = anomaly[r];
            }
            int w = window[r];
            if (w >= 0) {
                tpRows++;
                fnRows--;
                // only a window's best detection counts: its earliest, as the sigmoid falls through the window
                if (sweepScore[r] > best[w]) {
                    windows += sweepScore[r] - best[w];
                    best[w] = sweepScore[r];
                }
            } else {
                fpRows++;
                tnRows--;
                fp += sweepScore[r];
            }
        }
        out.add(new ThresholdScore(threshold, fp + windows, tpRows, tnRows, fpRows, fnRows));
        return out;
    }

    /** The highest score; of equal scores, the highest threshold (NAB sorts the thresholds stably by score). */
    static ThresholdScore best(List<ThresholdScore> byThreshold) {
        ThresholdScore best = byThreshold.get(0);
        for (ThresholdScore s : byThreshold) {
            if (s.score() > best.score()) {
                best = s;
            }
        }
        return best;
    }
}
