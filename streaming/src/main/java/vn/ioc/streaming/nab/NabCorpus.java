package vn.ioc.streaming.nab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * NAB's files on disk: a data directory {@code DIR/<category>/<file>.csv} ({@code timestamp,value})
 * and a detector's results {@code OUT/<category>/<detector>_<file>.csv}
 * ({@code timestamp,value,anomaly_score}, further columns ignored). Files are keyed as NAB keys
 * them: {@code "<category>/<file>.csv"}. Timestamps have no zone; they are read as UTC.
 */
public final class NabCorpus {

    /** {@code 2015-09-01 11:25:00}, with or without a fraction ({@code .000000} in the windows file). */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private NabCorpus() {
    }

    /** The data files under {@code dataDir}, by key in sorted order. */
    public static Map<String, Path> dataFiles(Path dataDir) {
        return csvFiles(dataDir, "");
    }

    /** Reads one data file, refusing a row that is not {@code timestamp,value} with its line number. */
    public static NabData readData(Path file, String key) {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int[] at = readCsv(file, List.of("timestamp", "value"), rows, lines);
        long[] times = new long[rows.size()];
        double[] values = new double[rows.size()];
        List<String> timeTexts = new ArrayList<>(rows.size());
        List<String> valueTexts = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            times[i] = timestamp(file, lines.get(i), row[at[0]]);
            values[i] = number(file, lines.get(i), "value", row[at[1]]);
            timeTexts.add(row[at[0]]);
            valueTexts.add(row[at[1]]);
        }
        return new NabData(key, List.copyOf(timeTexts), List.copyOf(valueTexts), times, values);
    }

    /**
     * A detector's results under {@code resultsDir}: every {@code <category>/<detector>_<file>.csv},
     * keyed as the data file it scores, by key in sorted order.
     */
    public static List<NabSeries> readResults(Path resultsDir, String detector) {
        List<NabSeries> series = new ArrayList<>();
        for (Map.Entry<String, Path> f : csvFiles(resultsDir, detector + "_").entrySet()) {
            List<String[]> rows = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            int[] at = readCsv(f.getValue(), List.of("timestamp", "anomaly_score"), rows, lines);
            long[] times = new long[rows.size()];
            double[] scores = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                times[i] = timestamp(f.getValue(), lines.get(i), rows.get(i)[at[0]]);
                scores[i] = number(f.getValue(), lines.get(i), "anomaly_score", rows.get(i)[at[1]]);
                if (!(scores[i] >= 0 && scores[i] <= 1)) {
                    throw new NabFileException(f.getValue(), lines.get(i), "expected an anomaly_score in [0, 1] but was " + rows.get(i)[at[1]]);
                }
            }
            series.add(new NabSeries(f.getKey(), times, scores));
        }
        return series;
    }

    /** The category of a key: {@code "realTraffic"} for {@code "realTraffic/speed_6005.csv"}. */
    public static String category(String key) {
        return key.substring(0, key.indexOf('/'));
    }

    /** Epoch milliseconds of a NAB timestamp read as UTC. */
    public static long timestamp(String text) {
        try {
            return LocalDateTime.parse(text, TIMESTAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a timestamp like 2015-09-01 11:25:00 but was '" + text + "'", e);
        }
    }

    /** A time as NAB writes it, for messages. */
    static String format(long epochMillis) {
        return PRINTED.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
    }

    /** {@code <dir>/<category>/<prefix><name>.csv}, keyed {@code <category>/<name>.csv}. */
    private static Map<String, Path> csvFiles(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("expected a directory of NAB categories but " + dir + " is not a directory");
        }
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> categories = Files.list(dir)) {
            for (Path category : categories.filter(Files::isDirectory).toList()) {
                try (Stream<Path> inside = Files.list(category)) {
                    inside.filter(Files::isRegularFile).forEach(p -> {
                        String name = p.getFileName().toString();
                        if (name.endsWith(".csv") && name.startsWith(prefix)) {
                            files.put(category.getFileName() + "/" + name.substring(prefix.length()), p);
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Reads the rows after the header into {@code rows} (and their line numbers); returns where the wanted columns are. */
    private static int[] readCsv(Path file, List<String> wanted, List<String[]> rows, List<Integer> lines) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            List<String> columns = header == null ? List.of() : Arrays.asList(header.strip().split(",", -1));
            int[] at = new int[wanted.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = columns.indexOf(wanted.get(i));
                if (at[i] < 0) {
                    throw new NabFileException(file, 1, "expected a header with the columns " + String.join(",", wanted)
                            + " but was '" + (header == null ? "" : header) + "'");
                }
            }
            int line = 1;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] fields = text.strip().split(",", -1);
                if (fields.length != columns.size()) {
                    throw new NabFileException(file, line, "expected " + columns.size() + " fields (" + String.join(",", columns)
                            + ") but was '" + text + "'");
                }
                rows.add(fields);
                lines.add(line);
            }
            return at;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static long timestamp(Path file, int line, String text) {
        try {
            return timestamp(text);
        } catch (IllegalArgumentException e) {
            throw new NabFileException(file, line, e.getMessage());
        }
    }

    private static double number(Path file, int line, String column, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new NabFileException(file, line, "expected a number as " + column + " but was '" + text + "'");
        }
    }
}
