package vn.ioc.streaming.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sliding dot products give the distance a direct computation gives, across the history's wrap. */
class SubsequenceNoveltyTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 7, 16})
    void slidingDistanceEqualsTheDirectOneAsTheHistoryWraps(int length) {
        int capacity = 60;
        History history = new History(capacity);
        SubsequenceNovelty novelty = new SubsequenceNovelty(length, history);
        Random random = new Random(length);
        double[] all = new double[700];
        for (int t = 0; t < all.length; t++) {
            // a level that wanders, so values and distances span several orders of magnitude
            all[t] = (t > 0 ? all[t - 1] : 1000) + random.nextGaussian() * (1 + t % 50);
            history.add(all[t]);
            double distance = novelty.update();
            double expected = direct(all, t, length, capacity);
            if (Double.isNaN(expected)) {
                assertThat(distance).as("t=%d", t).isNaN();
            } else {
                assertThat(distance).as("t=%d", t).isCloseTo(expected, within(1e-6 * Math.max(1, expected)));
            }
        }
    }

    /**
     * Nearest earlier non-overlapping stretch, by brute force, among those whose values and the value
     * before them are still in the history (the sliding product drops that value as it moves).
     */
    private static double direct(double[] all, int t, int length, int capacity) {
        double best = Double.NaN;
        for (int j = t - length; j >= length - 1 && j - length > t - capacity; j--) {
            double sum = 0;
            for (int k = 0; k < length; k++) {
                double e = all[t - k] - all[j - k];
                sum += e * e;
            }
            double d = Math.sqrt(sum / length);
            if (Double.isNaN(best) || d < best) {
                best = d;
            }
        }
        return best;
    }
}
