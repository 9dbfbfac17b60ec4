package vn.ioc.edge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Native memory stays flat over a long run: 6,000 frames of the street clip (its 905 frames
 * looped) decoded, analysed and, every 50th, privacy-filtered, in a child JVM whose heap is
 * fixed and touched up front, so that growth of its resident size is growth outside the heap.
 * A leak of one frame's pixels per frame (675 KB) would add gigabytes; 10 KB a frame, 50 MB.
 */
class NativeMemoryIT {

    private static final long FRAMES = 6_000;
    private static final long ALLOWED_GROWTH = 40L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aCameraRunningThousandsOfFramesDoesNotGrow() throws Exception {
        Path video = dir.resolve("street.mp4");
        try (InputStream in = getClass().getResourceAsStream("/replay/video/street-2lane.mp4")) {
            Files.copy(in, video, StandardCopyOption.REPLACE_EXISTING);
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                NativeMemoryProbe.class.getName(), video.toString(), "examples/street-2lane.yaml", Long.toString(FRAMES), "50")
                .redirectErrorStream(true).start();
        List<long[]> samples = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.append(line).append('\n');
                if (line.matches("\\d+ \\d+ \\d+")) {
                    String[] f = line.split(" ");
                    samples.add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])});
                }
            }
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output.toString()).isZero();
        assertThat(samples).as(output.toString()).hasSize((int) (FRAMES / 500));

        // after warm-up (JIT, FFmpeg's and OpenCV's pools, the background model): the third sample, frame 1,500
        long[] warm = samples.get(2);
        long[] last = samples.get(samples.size() - 1);
        assertThat(last[1] - warm[1]).as("resident growth from frame %d to %d, samples %s", warm[0], last[0], describe(samples))
                .isLessThan(ALLOWED_GROWTH);
        assertThat(last[2] - warm[2]).as("JavaCPP's own allocations, samples %s", describe(samples))
                .isLessThan(ALLOWED_GROWTH / 4);
    }

    private static String describe(List<long[]> samples) {
        StringBuilder s = new StringBuilder();
        for (long[] x : samples) {
            s.append(String.format("%n  frame %5d: rss %4d MB, javacpp %4d MB", x[0], x[1] >> 20, x[2] >> 20));
        }
        return s.toString();
    }
}
