package vn.ioc.streaming.nab;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ioc.streaming.JarMain;
import vn.ioc.streaming.anomaly.AnomalyDetector;

/** {@code nab --data DIR --out DIR [--score]} on a copy of three small files of NAB's corpus. */
class NabCommandTest {

    private static final List<String> FILES = List.of("realTraffic/speed_7578.csv", "realTraffic/TravelTime_451.csv",
            "realKnownCause/rogue_agent_key_hold.csv");
    private static final Supplier<NabCommand.SeriesDetector> DETECTOR = () -> new AnomalyDetector()::score;

    @TempDir
    Path dir;
    private Path data;
    private Path out;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void copyData() throws IOException {
        data = dir.resolve("data");
        out = dir.resolve("out");
        for (String f : FILES) {
            Files.createDirectories(data.resolve(f).getParent());
            Files.copy(NabTesting.dataDir().resolve(f), data.resolve(f));
        }
    }

    private int run(Supplier<NabCommand.SeriesDetector> detector, String... args) {
        return NabCommand.run(args, detector, new PrintStream(stdout, true, UTF_8), new PrintStream(stderr, true, UTF_8));
    }

    private Path result(String key) {
        String category = NabCorpus.category(key);
        return out.resolve(category).resolve("ioc_" + key.substring(category.length() + 1));
    }

    @Test
    void writesOneScoreForEveryRowInOrder() throws IOException {
        assertThat(run(DETECTOR, "--data", data.toString(), "--out", out.toString())).as(stderr.toString(UTF_8)).isZero();
        for (String f : FILES) {
            List<String> in = Files.readAllLines(data.resolve(f));
            List<String> written = Files.readAllLines(result(f));
            assertThat(written.get(0)).isEqualTo("timestamp,value,anomaly_score");
            assertThat(written).hasSameSizeAs(in);
            for (int i = 1; i < in.size(); i++) {
                String line = written.get(i);
                assertThat(line).as(f + " line " + (i + 1)).startsWith(in.get(i) + ",");
                assertThat(Double.parseDouble(line.substring(in.get(i).length() + 1))).isBetween(0.0, 1.0);
            }
        }
        assertThat(Files.list(out.resolve("realTraffic")).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("ioc_speed_7578.csv", "ioc_TravelTime_451.csv");
        assertThat(stdout.toString(UTF_8)).contains("3 files").contains((1127 + 2162 + 1882) + " rows");
    }

    @Test
    void resultsReadBackAsTheScoresWritten() {
        assertThat(run(DETECTOR, "--data", data.toString(), "--out", out.toString())).isZero();
        List<NabSeries> results = NabCorpus.readResults(out, NabCommand.DETECTOR);
        assertThat(results).extracting(NabSeries::file).containsExactly(
                "realKnownCause/rogue_agent_key_hold.csv", "realTraffic/TravelTime_451.csv", "realTraffic/speed_7578.csv");
        NabData speed = NabCorpus.readData(data.resolve("realTraffic/speed_7578.csv"), "realTraffic/speed_7578.csv");
        AnomalyDetector again = new AnomalyDetector();
        NabSeries s = results.get(2);
        assertThat(s.timestamps()).containsExactly(speed.timestamps());
        for (int i = 0; i < speed.size(); i++) {
            assertThat(s.scores()[i]).as("row " + (i + 1)).isEqualTo(again.score(speed.timestamps()[i], speed.values()[i]));
        }
    }

    @Test
    void scoreWritesAndPrintsTheTable() throws IOException {
        assertThat(run(DETECTOR, "--data", data.toString(), "--out", out.toString(), "--score")).as(stderr.toString(UTF_8)).isZero();
        String table = Files.readString(out.resolve("scores.md"));
        assertThat(stdout.toString(UTF_8)).contains(table);
        assertThat(table).contains("| standard | reward_low_FP_rate | reward_low_FN_rate |")
                .contains("| realKnownCause |").contains("| realTraffic |").contains("| **all** |").contains("| threshold |");
        assertThat(table.lines().filter(l -> l.startsWith("| "))).hasSize(1 + 2 + 1 + 4);
    }

    @Test
    void malformedValueIsReportedWithFileAndLine() throws IOException {
        Path bad = data.resolve("realTraffic/speed_7578.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(bad));
        lines.set(2, "2015-09-08 11:44:00,sixty-two");
        Files.write(bad, lines);
        assertThat(run(DETECTOR, "--data", data.toString(), "--out", out.toString())).isEqualTo(1);
        assertThat(stderr.toString(UTF_8)).contains(bad.toString()).contains("line 3").contains("sixty-two");
    }

    @Test
    void malformedTimestampAndMissingFieldAreReported() throws IOException {
        Path bad = data.resolve("realTraffic/speed_7578.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(bad));
        lines.set(5, "2015-09-08T12:24:00,65");
        Files.write(bad, lines);
        assertThat(run(DETECTOR, "--data", data.toString(), "--out", out.toString())).isEqualTo(1);
        assertThat(stderr.toString(UTF_8)).contains("line 6").contains("2015-09-08T12:24:00");

        lines.set(5, "2015-09-08 12:24:00");
        Files.write(bad, lines);
        stderr.reset();
        assertThat(run(DETECTOR, "--data", data.toString(), "--out", out.toString())).isEqualTo(1);
        assertThat(stderr.toString(UTF_8)).contains("line 6").contains("expected 2 fields");
    }

    @Test
    void detectorScoreOutsideZeroToOneStopsTheRunWithoutAHalfWrittenFile() {
        assertThat(run(() -> (t, v) -> 2.0, "--data", data.toString(), "--out", out.toString())).isEqualTo(1);
        assertThat(stderr.toString(UTF_8)).contains("[0, 1]").contains("2.0");
        assertThat(out.resolve("realKnownCause")).isEmptyDirectory();
    }

    @Test
    void missingArgumentsPrintTheUsage() {
        assertThat(run(DETECTOR, "--data", data.toString())).isEqualTo(2);
        assertThat(stderr.toString(UTF_8)).contains("--out").contains("usage: nab");
        assertThat(run(DETECTOR, "--data", data.toString(), "--out", out.toString(), "--fast")).isEqualTo(2);
        assertThat(stderr.toString(UTF_8)).contains("--fast");
    }

    @Test
    void emptyDataDirectoryIsAnError() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(run(DETECTOR, "--data", empty.toString(), "--out", out.toString())).isEqualTo(1);
        assertThat(stderr.toString(UTF_8)).contains("no ").contains(empty.toString());
    }

    @Test
    void jarEntryPointHandsNabToTheCommand() throws Exception {
        JarMain.main(new String[] {"nab", "--data", data.toString(), "--out", out.toString()});
        assertThat(result("realTraffic/speed_7578.csv")).exists();
    }
}
