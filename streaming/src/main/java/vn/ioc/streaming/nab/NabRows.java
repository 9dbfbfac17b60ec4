package vn.ioc.streaming.nab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The scorable rows of a set of result files, prepared once for scoring at any threshold and
 * under any profile (NAB's {@code Sweeper.calcSweepScore}). A row of a file's probationary period
 * is left out; every other row keeps its anomaly score, its window (or none) and the unweighted
 * scaled sigmoid of its position: inside a window, relative to the window's end; outside, relative
 * to the end of the window before it.
 */
final class NabRows {

    /** The sigmoid at a window's first row: NAB divides true positives by it so that one there earns exactly tpWeight. */
    static final double MAX_TP = scaledSigmoid(-1.0);

    final String[] categories;
    final int size;
    final double[] score;
    final double[] sigmoid;
    /** The row's window, numbered over all files, or -1 outside every window. */
    final int[] window;
    final int[] category;
    /** Windows with at least one scorable row: only these count as missed when undetected (as in NAB). */
    final int windowCount;
    final int[] windowCategory;
    /** All labelled windows of the files, per category: what the perfect detector detects. */
    final int[] labelledWindows;
    private int[] order;

    private NabRows(String[] categories, int size, double[] score, double[] sigmoid, int[] window, int[] category,
                    int windowCount, int[] windowCategory, int[] labelledWindows) {
        this.categories = categories;
        this.size = size;
        this.score = score;
        this.sigmoid = sigmoid;
        this.window = window;
        this.category = category;
        this.windowCount = windowCount;
        this.windowCategory = windowCategory;
        this.labelledWindows = labelledWindows;
    }

    static NabRows of(List<NabSeries> files, NabWindows labels, double probationPercent) {
        String[] categories = files.stream().map(NabSeries::category).collect(Collectors.toCollection(TreeSet::new)).toArray(String[]::new);
        int capacity = files.stream().mapToInt(f -> f.scores().length).sum();
        double[] score = new double[capacity];
        double[] sigmoid = new double[capacity];
        int[] window = new int[capacity];
        int[] category = new int[capacity];
        List<Integer> windowCategory = new ArrayList<>();
        int[] labelled = new int[categories.length];
        TreeSet<String> seen = new TreeSet<>();
        int n = 0;
        for (NabSeries f : files) {
            if (!seen.add(f.file())) {
                throw new IllegalArgumentException("expected each file once but " + f.file() + " comes twice");
            }
            int c = Arrays.binarySearch(categories, f.category());
            List<NabWindow> windows = labels.of(f.file());
            labelled[c] += windows.size();
            int[] starts = new int[windows.size()];
            int[] ends = new int[windows.size()];
            rowsOf(f, windows, starts, ends);
            int[] ids = new int[windows.size()];
            Arrays.fill(ids, -1);
            double probation = probationaryLength(f.scores().length, probationPercent);

            int next = 0;
            int current = -1;
            int previousEnd = -1;
            int previousWidth = 0;
            for (int i = 0; i < f.scores().length; i++) {
                if (current < 0 && next < windows.size() && i == starts[next]) {
                    current = next++;
                }
                double s;
                int width = current < 0 ? 0 : ends[current] - starts[current] + 1;
                if (current >= 0) {
                    s = scaledSigmoid(-(ends[current] - i + 1) / (double) width);
                } else if (previousEnd < 0) {
                    s = -1.0; // before any window: as far from one as it gets
                } else {
                    // after a window of one row NAB divides by zero; here the FP is simply far from it (-1)
                    s = scaledSigmoid(Math.abs(previousEnd - i) / (double) (previousWidth - 1));
                }
                if (i >= probation) {
                    score[n] = f.scores()[i];
                    sigmoid[n] = s;
                    category[n] = c;
                    if (current >= 0) {
                        if (ids[current] < 0) {
                            ids[current] = windowCategory.size();
                            windowCategory.add(c);
                        }
                        window[n] = ids[current];
                    } else {
                        window[n] = -1;
                    }
                    n++;
                }
                if (current >= 0 && i == ends[current]) {
                    previousEnd = i;
                    previousWidth = width;
                    current = -1;
                }
            }
        }
        return new NabRows(categories, n, score, sigmoid, window, category, windowCategory.size(),
                windowCategory.stream().mapToInt(Integer::intValue).toArray(), labelled);
    }

    /** NAB: 15 % of a file's rows, at most 15 % of 5000 (750 rows); those rows are never scored. */
    static double probationaryLength(int rows, double percent) {
        return Math.min(Math.floor(percent * rows), percent * 5000);
    }

    /**
     * NAB's scaled sigmoid: 2·sigmoid(−5x) − 1. A window's first row is at −1 (0.987), its end
     * at 0 (0), a row one window-length past its end at 1 (−0.987); beyond 3, −1.
     */
    static double scaledSigmoid(double x) {
        if (x > 3.0) {
            return -1.0;
        }
        return 2 * (1 / (1 + Math.exp(5 * x))) - 1;
    }

    /** Each row's NAB score if detected under a profile: sigmoid × tpWeight / MAX_TP in a window, sigmoid × fpWeight outside. */
    double[] sweepScores(NabProfile p) {
        double[] out = new double[size];
        for (int r = 0; r < size; r++) {
            out[r] = window[r] >= 0 ? sigmoid[r] * p.tpWeight() / MAX_TP : sigmoid[r] * p.fpWeight();
        }
        return out;
    }

    /** Row numbers by anomaly score, highest first; equal scores keep file and row order (NAB sorts stably). */
    int[] byScoreDescending() {
        if (order == null) {
            order = descending(score, size);
        }
        return order;
    }

    /** A stable sort in O(n log n) without boxing: rank the distinct scores, then count rows per rank. */
    static int[] descending(double[] score, int size) {
        double[] distinct = Arrays.copyOf(score, size);
        Arrays.sort(distinct);
        int d = 0;
        for (int i = 0; i < size; i++) {
            if (d == 0 || distinct[i] != distinct[d - 1]) {
                distinct[d++] = distinct[i];
            }
        }
        int[] rank = new int[size];
        int[] start = new int[d + 1];
        for (int r = 0; r < size; r++) {
            rank[r] = d - 1 - Arrays.binarySearch(distinct, 0, d, score[r]);
            start[rank[r] + 1]++;
        }
        for (int k = 0; k < d; k++) {
            start[k + 1] += start[k];
        }
        int[] order = new int[size];
        for (int r = 0; r < size; r++) {
            order[start[rank[r]]++] = r;
        }
        return order;
    }

    /** The row of each window's first and last timestamp; NAB refuses a window time that is not exactly one row's. */
    private static void rowsOf(NabSeries f, List<NabWindow> windows, int[] starts, int[] ends) {
        for (int w = 0; w < windows.size(); w++) {
            starts[w] = rowOf(f, windows.get(w).start());
            ends[w] = rowOf(f, windows.get(w).end());
            if (ends[w] < starts[w] || (w > 0 && starts[w] <= ends[w - 1])) {
                throw new IllegalArgumentException(f.file() + ": the window " + NabCorpus.format(windows.get(w).start()) + " to "
                        + NabCorpus.format(windows.get(w).end()) + " is out of row order (rows " + (starts[w] + 1) + " to " + (ends[w] + 1) + ")");
            }
        }
    }

    private static int rowOf(NabSeries f, long time) {
        int found = -1;
        for (int i = 0; i < f.timestamps().length; i++) {
            if (f.timestamps()[i] == time) {
                if (found >= 0) {
                    throw new IllegalArgumentException(f.file() + ": expected the window time " + NabCorpus.format(time)
                            + " on exactly one row but it is on rows " + (found + 1) + " and " + (i + 1));
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException(f.file() + ": expected a row at the window time " + NabCorpus.format(time) + " but there is none");
        }
        return found;
    }
}
