package vn.ioc.streaming.nab;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole test corpus (20 files, 109,417 rows) scored by a fixed detector, against the numbers a
 * line-by-line Python transcription of NAB's {@code sweeper.py}, {@code optimizer.py} and
 * {@code runner.normalize} (the null detector's results scored and optimised like any detector's)
 * gives for the same results files. The detector's scores lie on a 0.01 grid, so thousands of rows
 * tie at every threshold.
 */
class NabReferenceScoresTest {

    /** |value − mean| / sd of the previous 48 values, in hundredths of 10 sd, at most 1. */
    static NabCommand.SeriesDetector rollingDeviation() {
        double[] last = new double[48];
        int[] seen = {0};
        return (t, v) -> {
            int n = Math.min(seen[0], last.length);
            double score = 0;
            if (n >= 12) {
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    mean += last[i];
                }
                mean /= n;
                double var = 0;
                for (int i = 0; i < n; i++) {
                    var += (last[i] - mean) * (last[i] - mean);
                }
                double z = Math.abs(v - mean) / (Math.sqrt(var / n) + 1e-9);
                score = Math.min(1, Math.round(z * 10) / 100.0);
            }
            last[seen[0]++ % last.length] = v;
            return score;
        };
    }

    @Test
    void scoresMatchNabsReferenceImplementation(@TempDir Path out) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, UTF_8);
        assertThat(NabCommand.run(new String[] {"--data", NabTesting.dataDir().toString(), "--out", out.toString()},
                NabReferenceScoresTest::rollingDeviation, quiet, quiet)).isZero();
        List<NabProfileScore> scores = NabScorer.bundled().optimise(NabCorpus.readResults(out, NabCommand.DETECTOR));

        expect(scores.get(0), "standard", 0.79, -24.943683983032646, 18.0209179705,
                -47.0601641127, 25.8498205264, 35.2878711088);
        // nothing beats staying silent here: NAB keeps the threshold above every score
        expect(scores.get(1), "reward_low_FP_rate", 1.1, -39.0, 0.0, 0.0, 0.0, 0.0);
        expect(scores.get(2), "reward_low_FN_rate", 0.57, -37.34476252811197, 34.7480662153,
                -67.9420281440, 38.0651110215, 74.2564029894);
    }

    private static void expect(NabProfileScore s, String profile, double threshold, double raw, double all,
                               double artificialWithAnomaly, double realKnownCause, double realTraffic) {
        assertThat(s.profile().name()).isEqualTo(profile);
        assertThat(s.threshold()).as(profile).isEqualTo(threshold);
        assertThat(s.all().raw()).as(profile).isCloseTo(raw, within(1e-9));
        assertThat(s.normalised()).as(profile).isCloseTo(all, within(1e-8));
        assertThat(s.normalised("artificialWithAnomaly")).as(profile).isCloseTo(artificialWithAnomaly, within(1e-8));
        assertThat(s.normalised("realKnownCause")).as(profile).isCloseTo(realKnownCause, within(1e-8));
        assertThat(s.normalised("realTraffic")).as(profile).isCloseTo(realTraffic, within(1e-8));
    }
}
