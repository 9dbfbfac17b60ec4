package vn.ioc.streaming.nab;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Series, windows and profiles built in the tests, and the NAB data kept in the test resources. */
final class NabTesting {

    static final long T0 = NabCorpus.timestamp("2016-07-05 10:00:00");
    static final long FIVE_MINUTES = 5 * 60_000L;
    static final String FILE = "test/file.csv";
    static final NabProfile STANDARD = new NabProfile("standard", 1.0, 0.11, 1.0);
    static final NabProfile LOW_FN = new NabProfile("reward_low_FN_rate", 1.0, 0.11, 2.0);

    private NabTesting() {
    }

    /** {@code n} rows five minutes apart. */
    static long[] timestamps(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * FIVE_MINUTES;
        }
        return t;
    }

    /** Scores 1 at the given rows, 0 elsewhere. */
    static double[] detections(int n, int... rows) {
        double[] s = new double[n];
        for (int r : rows) {
            s[r] = 1;
        }
        return s;
    }

    /** The window over rows {@code from} to {@code to} of a file made by {@link #timestamps}. */
    static NabWindow rows(int from, int to) {
        return new NabWindow(T0 + from * FIVE_MINUTES, T0 + to * FIVE_MINUTES);
    }

    static NabScorer scorer(NabProfile profile, double probationPercent, NabWindow... windows) {
        return new NabScorer(NabWindows.of(Map.of(FILE, List.of(windows))), List.of(profile), probationPercent);
    }

    /** The raw score of one made-up file at threshold 0.5, under one profile. */
    static double raw(NabScorer scorer, double[] scores) {
        NabSeries s = new NabSeries(FILE, timestamps(scores.length), scores);
        return scorer.scoreAt(List.of(s), 0.5).get(0).all().raw();
    }

    /** NAB's test helper {@code generateWindows}: {@code count} windows of {@code size} rows, evenly spread. */
    static List<NabWindow> generatedWindows(int length, int count, int size) {
        long gap = (long) Math.rint((length - count * size) / (double) (count + 1)); // Python's round: half to even
        List<NabWindow> windows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long first = gap * (i + 1) + (long) size * i;
            windows.add(rows((int) first, (int) first + size - 1));
        }
        return windows;
    }

    /** The first row of a window made by {@link #rows}. */
    static int firstRow(NabWindow w) {
        return (int) ((w.start() - T0) / FIVE_MINUTES);
    }

    static int lastRow(NabWindow w) {
        return (int) ((w.end() - T0) / FIVE_MINUTES);
    }

    /** {@code src/test/resources/nab/data}: three categories of NAB's corpus. */
    static Path dataDir() {
        try {
            return Path.of(NabTesting.class.getResource("/nab/data").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file of the test data, read. */
    static List<NabData> corpus() {
        List<NabData> all = new ArrayList<>();
        NabCorpus.dataFiles(dataDir()).forEach((key, path) -> all.add(NabCorpus.readData(path, key)));
        return all;
    }
}
