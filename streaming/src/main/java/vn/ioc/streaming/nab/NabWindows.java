package vn.ioc.streaming.nab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ground truth: per data file ({@code "realTraffic/speed_6005.csv"}), its anomaly windows in
 * time order, none overlapping another.
 */
public final class NabWindows {

    public static final String BUNDLED = "/nab/combined_windows.json";

    private final Map<String, List<NabWindow>> byFile;

    private NabWindows(Map<String, List<NabWindow>> byFile) {
        this.byFile = byFile;
    }

    public static NabWindows of(Map<String, List<NabWindow>> byFile) {
        Map<String, List<NabWindow>> copy = new TreeMap<>();
        byFile.forEach((file, windows) -> copy.put(file, checked(file, List.copyOf(windows))));
        return new NabWindows(copy);
    }

    /** NAB's {@code labels/combined_windows.json}, bundled: its entries for realTraffic, realKnownCause and artificialWithAnomaly. */
    public static NabWindows bundled() {
        try (InputStream in = NabWindows.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads NAB's windows JSON: {@code {"category/file.csv": [["2015-09-15 06:55:00.000000", "..."], ...], ...}}. */
    public static NabWindows read(InputStream json) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        Map<String, List<NabWindow>> byFile = new TreeMap<>();
        for (Map.Entry<String, JsonNode> file : root.properties()) {
            List<NabWindow> windows = new ArrayList<>();
            for (JsonNode pair : file.getValue()) {
                if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isString() || !pair.get(1).isString()) {
                    throw new IllegalArgumentException("NAB windows of " + file.getKey()
                            + ": expected [start, end] timestamps but was " + pair);
                }
                try {
                    windows.add(new NabWindow(NabCorpus.timestamp(pair.get(0).asString()), NabCorpus.timestamp(pair.get(1).asString())));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("NAB windows of " + file.getKey() + ": " + e.getMessage(), e);
                }
            }
            byFile.put(file.getKey(), checked(file.getKey(), List.copyOf(windows)));
        }
        return new NabWindows(byFile);
    }

    /** NAB enters windows in the order listed, one at a time: out of order or overlapping, later ones would be skipped. */
    private static List<NabWindow> checked(String file, List<NabWindow> windows) {
        for (int i = 1; i < windows.size(); i++) {
            if (windows.get(i).start() <= windows.get(i - 1).end()) {
                throw new IllegalArgumentException("NAB windows of " + file + ": expected each window to start after the previous one ends, but "
                        + NabCorpus.format(windows.get(i).start()) + " is not after " + NabCorpus.format(windows.get(i - 1).end()));
            }
        }
        return windows;
    }

    public Set<String> files() {
        return byFile.keySet();
    }

    public boolean has(String file) {
        return byFile.containsKey(file);
    }

    /** The windows of one file, in time order; a file of the benchmark without anomalies has none. */
    public List<NabWindow> of(String file) {
        List<NabWindow> windows = byFile.get(file);
        if (windows == null) {
            throw new IllegalArgumentException("no NAB windows for '" + file + "': expected one of the labelled files, like "
                    + byFile.keySet().stream().findFirst().orElse("(none)"));
        }
        return windows;
    }
}
