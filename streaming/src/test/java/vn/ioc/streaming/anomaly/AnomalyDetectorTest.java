package vn.ioc.streaming.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.ioc.streaming.nab.NabCorpus;
import vn.ioc.streaming.nab.NabData;
import vn.ioc.streaming.nab.NabWindow;
import vn.ioc.streaming.nab.NabWindows;

/**
 * The anomaly detector on real labelled series (NAB's, in the test resources) and on synthetic ones
 * whose anomaly is placed by the test.
 */
class AnomalyDetectorTest {

    private static final long FIVE_MINUTES = 300_000;

    /**
     * Traffic detectors, machines and planted anomalies: an alarm in every labelled window, and none in
     * the quiet part between the end of NAB's probationary period (when the detector is still
     * learning and NAB does not score) and the first window.
     */
    @ParameterizedTest
    @ValueSource(strings = {"realTraffic/occupancy_t4013.csv", "realTraffic/speed_t4013.csv", "realTraffic/TravelTime_387.csv",
            "realTraffic/TravelTime_451.csv", "realTraffic/occupancy_6005.csv", "realKnownCause/machine_temperature_system_failure.csv",
            "artificialWithAnomaly/art_daily_jumpsdown.csv", "artificialWithAnomaly/art_increase_spike_density.csv"})
    void alarmsInEveryLabelledWindowAndNotInTheQuietPartBefore(String file) throws URISyntaxException {
        NabData data = NabCorpus.readData(Path.of(getClass().getResource("/nab/data/" + file).toURI()), file);
        List<NabWindow> windows = NabWindows.bundled().of(file);
        int probation = (int) Math.min(Math.floor(0.15 * data.size()), 750);
        AnomalyDetector detector = new AnomalyDetector();
        List<Long> alarms = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            double s = detector.score(data.timestamps()[i], data.values()[i]);
            assertThat(s).isBetween(0.0, 1.0);
            if (detector.alarmed() && i >= probation) {
                alarms.add(data.timestamps()[i]);
            }
        }
        for (NabWindow w : windows) {
            assertThat(alarms).as("alarms in %s's window %s", file, w).anyMatch(t -> t >= w.start() && t <= w.end());
        }
        long firstWindow = windows.get(0).start();
        assertThat(alarms).as("alarms before the first window of %s", file).allMatch(t -> t >= firstWindow);
    }

    @Test
    void aLevelShiftInADailyRhythmIsAlarmedWithinAnHourInEverySeries() {
        int shiftAt = 3000;
        for (int seed = 1; seed <= 10; seed++) {
            Random noise = new Random(seed);
            // five-minute values of a daily rhythm with noise; from shiftAt on, 40 % higher
            List<Integer> alarms = alarms(new AnomalyDetector(), 3300, i -> daily(i) * (i >= shiftAt ? 1.4 : 1) + noise.nextGaussian());
            assertThat(alarms).as("series %d", seed).anyMatch(i -> i >= shiftAt && i < shiftAt + 12);
        }
    }

    /**
     * A spike is alarmed at once, unless the detector is still quiet after an earlier alarm: then it
     * is not alarmed at all, as one condition gives one alarm.
     */
    @Test
    void aSingleSpikeIsAlarmedAtTheSpike() {
        int spikeAt = 2500;
        int judged = 0;
        for (int seed = 1; seed <= 10; seed++) {
            Random noise = new Random(seed);
            List<Integer> alarms = alarms(new AnomalyDetector(), 2600, i -> daily(i) + noise.nextGaussian() + (i == spikeAt ? 25 : 0));
            boolean quiet = alarms.stream().anyMatch(i -> i < spikeAt && i > spikeAt - AnomalyDetector.REFRACTORY);
            if (!quiet) {
                judged++;
                assertThat(alarms).as("series %d", seed).contains(spikeAt);
            }
        }
        assertThat(judged).isGreaterThanOrEqualTo(8);
    }

    @Test
    void aNoisyRhythmThatBehavesRaisesFewAlarmsAndAHigherLevelFewer() {
        int values = 0;
        int standard = 0;
        int strict = 0;
        for (int seed = 1; seed <= 5; seed++) {
            Random noise = new Random(seed);
            double[] series = new double[12_000];
            for (int i = 0; i < series.length; i++) {
                series[i] = daily(i) + noise.nextGaussian();
            }
            List<Integer> a = alarms(new AnomalyDetector(), series.length, i -> series[i]);
            List<Integer> b = alarms(new AnomalyDetector(0.995), series.length, i -> series[i]);
            values += series.length;
            standard += a.size();
            strict += b.size();
        }
        assertThat(values / Math.max(1, standard)).as("values per alarm at 0.97").isGreaterThan(700);
        assertThat(strict).isLessThan(standard);
    }

    @Test
    void valuesThatAreNotNumbersScoreZeroAndChangeNothing() {
        Random noise = new Random(5);
        double[] series = new double[3000];
        for (int i = 0; i < series.length; i++) {
            series[i] = daily(i) + noise.nextGaussian() + (i == 2000 ? 30 : 0);
        }
        AnomalyDetector clean = new AnomalyDetector();
        AnomalyDetector dirty = new AnomalyDetector();
        for (int i = 0; i < series.length; i++) {
            long t = i * FIVE_MINUTES;
            if (i % 97 == 0) {
                assertThat(dirty.score(t, Double.NaN)).isZero();
                assertThat(dirty.score(t, Double.POSITIVE_INFINITY)).isZero();
            }
            assertThat(dirty.score(t, series[i])).isEqualTo(clean.score(t, series[i]));
        }
    }

    /** A daily rhythm of five-minute values between 10 and 30. */
    private static double daily(int i) {
        return 20 + 10 * Math.sin(2 * Math.PI * i / 288.0);
    }

    private static List<Integer> alarms(AnomalyDetector detector, int n, IntToDoubleFunction series) {
        List<Integer> alarms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double s = detector.score(i * FIVE_MINUTES, series.applyAsDouble(i));
            assertThat(s).isBetween(0.0, 1.0);
            if (detector.alarmed()) {
                alarms.add(i);
            }
        }
        return alarms;
    }
}
