package vn.ioc.streaming.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class StrangenessTest {

    @Test
    void nothingIsJudgedBeforeEnoughMeasures() {
        Strangeness s = new Strangeness(100, 10);
        for (int i = 0; i < 10; i++) {
            assertThat(s.tailProbability(i)).isEqualTo(1);
        }
        assertThat(s.tailProbability(1000)).isLessThan(0.01);
    }

    @Test
    void withinTheBodyItIsTheShareOfRecentMeasuresAtLeastAsLarge() {
        Strangeness s = new Strangeness(1000, 10);
        for (int i = 0; i < 1000; i++) {
            s.tailProbability(i % 100); // 0..99, ten times each
        }
        // 50 is at or below 50 % of the measures: 99 % of the body times the share below it
        assertThat(s.tailProbability(50)).isCloseTo(1 - 0.99 * 0.5, within(1e-9));
    }

    @Test
    void beyondTheBodyTheTailKeepsFallingAndTheUnitsDoNotMatter() {
        Random random = new Random(1);
        Strangeness metres = new Strangeness(2000, 50);
        Strangeness millimetres = new Strangeness(2000, 50);
        for (int i = 0; i < 2000; i++) {
            double v = Math.abs(random.nextGaussian());
            metres.tailProbability(v);
            millimetres.tailProbability(v * 1000);
        }
        double far = metres.tailProbability(6);
        assertThat(far).isLessThan(0.01).isCloseTo(millimetres.tailProbability(6000), within(1e-12));
        assertThat(metres.tailProbability(9)).isLessThan(far);
    }

    @Test
    void oldMeasuresLeave() {
        Strangeness s = new Strangeness(100, 10);
        for (int i = 0; i < 100; i++) {
            s.tailProbability(1000 + i); // large measures, then forgotten
        }
        for (int i = 0; i < 100; i++) {
            s.tailProbability(i % 10);
        }
        assertThat(s.tailProbability(500)).isLessThan(0.01);
    }
}
