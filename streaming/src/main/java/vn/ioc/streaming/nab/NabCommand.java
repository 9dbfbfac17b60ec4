package vn.ioc.streaming.nab;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import vn.ioc.streaming.anomaly.AnomalyDetector;

/**
 * {@code nab --data DIR --out DIR [--score]}: runs the {@link AnomalyDetector} over every
 * {@code DIR/<category>/<file>.csv} (a new detector per file, rows in file order) and writes
 * {@code OUT/<category>/ioc_<file>.csv} ({@code timestamp,value,anomaly_score}, timestamp and value
 * as read). With {@code --score} it then scores the results against NAB's windows and prints the
 * table, also written to {@code OUT/scores.md}.
 */
public final class NabCommand {

    /** The results' detector name, NAB's prefix of every results file. */
    public static final String DETECTOR = "ioc";
    static final String USAGE = "usage: nab --data DIR --out DIR [--score]\n"
            + "  DIR/<category>/<file>.csv (timestamp,value) in, OUT/<category>/" + DETECTOR + "_<file>.csv out;\n"
            + "  --score: score the results against NAB's windows, print the table and write OUT/scores.md";

    /** One series' online scores: what the command needs of a detector. */
    interface SeriesDetector {
        double score(long epochMillis, double value);
    }

    private NabCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, () -> new AnomalyDetector()::score, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** @return the exit status: 0 done, 1 a file or the detector failed, 2 wrong arguments */
    static int run(String[] args, Supplier<SeriesDetector> detectors, PrintStream out, PrintStream err) {
        Path data = null;
        Path results = null;
        boolean score = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--score")) {
                score = true;
            } else if (a.equals("-h") || a.equals("--help")) {
                out.println(USAGE);
                return 0;
            } else if (!a.equals("--data") && !a.equals("--out")) {
                return usage(err, "unknown argument '" + a + "'");
            } else if (i + 1 == args.length) {
                return usage(err, a + " needs a directory");
            } else if (a.equals("--data")) {
                data = Path.of(args[++i]);
            } else {
                results = Path.of(args[++i]);
            }
        }
        if (data == null || results == null) {
            return usage(err, "--data and --out are required");
        }
        try {
            Map<String, Path> files = NabCorpus.dataFiles(data);
            if (files.isEmpty()) {
                err.println("nab: no " + data + "/<category>/<file>.csv files");
                return 1;
            }
            List<NabSeries> series = new ArrayList<>();
            int rows = 0;
            for (Map.Entry<String, Path> f : files.entrySet()) {
                NabSeries s = detect(NabCorpus.readData(f.getValue(), f.getKey()), f.getValue(), detectors.get(), results);
                series.add(s);
                rows += s.scores().length;
            }
            out.println("nab: " + files.size() + " files, " + rows + " rows scored into " + results);
            if (score) {
                String table = NabReport.markdown(DETECTOR, NabScorer.bundled().optimise(series));
                Files.writeString(results.resolve("scores.md"), table, StandardCharsets.UTF_8);
                out.print(table);
            }
            return 0;
        } catch (NabFileException | IllegalArgumentException | IOException | UncheckedIOException e) {
            err.println("nab: " + e.getMessage());
            return 1;
        }
    }

    /** Scores one file's rows and writes them; a file half written is never left under its own name. */
    private static NabSeries detect(NabData in, Path source, SeriesDetector detector, Path results) throws IOException {
        String category = NabCorpus.category(in.file());
        Path target = results.resolve(category).resolve(DETECTOR + "_" + in.file().substring(category.length() + 1));
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        double[] scores = new double[in.size()];
        try (BufferedWriter w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            w.write("timestamp,value,anomaly_score\n");
            for (int i = 0; i < in.size(); i++) {
                scores[i] = detector.score(in.timestamps()[i], in.values()[i]);
                if (!(scores[i] >= 0 && scores[i] <= 1)) {
                    throw new IllegalArgumentException(source + ": the detector gave " + scores[i] + " for the row at "
                            + in.timestampTexts().get(i) + "; expected an anomaly score in [0, 1]");
                }
                w.write(in.timestampTexts().get(i) + "," + in.valueTexts().get(i) + "," + text(scores[i]) + "\n");
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        return new NabSeries(in.file(), in.timestamps(), scores);
    }

    /** The shortest text that reads back as the same double, without an exponent: thresholds need the exact scores. */
    private static String text(double score) {
        return BigDecimal.valueOf(score).toPlainString();
    }

    private static int usage(PrintStream err, String problem) {
        err.println("nab: " + problem);
        err.println(USAGE);
        return 2;
    }
}
