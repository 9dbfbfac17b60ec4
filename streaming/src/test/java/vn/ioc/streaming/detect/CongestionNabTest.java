package vn.ioc.streaming.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.ioc.streaming.detect.ThresholdDetector.Signal;
import vn.ioc.streaming.nab.NabCorpus;
import vn.ioc.streaming.nab.NabData;
import vn.ioc.streaming.nab.NabWindow;
import vn.ioc.streaming.nab.NabWindows;

/**
 * The congestion detector on real freeway loop detectors (Minnesota DOT, from the Numenta Anomaly
 * Benchmark): 5-minute readings with gaps, speed in mph, occupancy in %, and labelled windows
 * around the mornings when traffic broke down.
 */
class CongestionNabTest {

    /**
     * NAB's timestamps are Minnesota wall-clock times without a zone (the morning peak is at 6–9 in
     * them), and NabCorpus reads them as if UTC. The profile's time of day and weekend must be the
     * sensor's own, so the test reads them back as local times in Minnesota's zone, America/Chicago;
     * Huế's zone would put Friday evening's traffic into Saturday.
     */
    private static final ZoneId MINNESOTA = ZoneId.of("America/Chicago");
    /** Four days of learning before the detector is held to anything (the first slots need 6 readings). */
    private static final Instant LEARNED = local("2015-09-08 00:00:00");

    private static Instant local(String nabTime) {
        return LocalDateTime.ofEpochSecond(NabCorpus.timestamp(nabTime) / 1000, 0, ZoneOffset.UTC).atZone(MINNESOTA).toInstant();
    }

    private static Instant local(long nabMillis) {
        return LocalDateTime.ofEpochSecond(nabMillis / 1000, 0, ZoneOffset.UTC).atZone(MINNESOTA).toInstant();
    }

    private List<Instant> starts(String file, boolean speed) throws URISyntaxException {
        NabData data = NabCorpus.readData(Path.of(getClass().getResource("/nab/data/" + file).toURI()), file);
        CongestionRule rule = CongestionRule.defaults(file, MINNESOTA, CongestionRule.SpeedUnit.MPH);
        CongestionState s = CongestionState.initial(rule);
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            double v = data.values()[i];
            Instant at = local(data.timestamps()[i]);
            CongestionDetector.Step step = CongestionDetector.step(rule, s, speed ? TrafficReading.speed(v) : TrafficReading.occupancy(v), at);
            s = step.state();
            if (step.signal() == Signal.STARTED) {
                starts.add(at);
            }
        }
        return starts;
    }

    /**
     * Detections (Minnesota time): speed_t4013 09-16 08:04 and 09-17 07:55, both HIGH (15 mph against
     * a usual 60), in the windows 09-16 00:44–13:14 and 09-17 00:30–13:30; speed_6005 09-17 07:10, in
     * 09-16 18:40 – 09-17 16:24; occupancy_t4013 09-16 08:09 and 09-17 08:20; occupancy_6005 09-15
     * 07:06, in 09-14 17:45 – 09-15 17:24. None between the end of learning and the first window.
     */
    @ParameterizedTest
    @ValueSource(strings = {"realTraffic/speed_t4013.csv", "realTraffic/speed_6005.csv", "realTraffic/occupancy_t4013.csv", "realTraffic/occupancy_6005.csv"})
    void firesInsideALabelledWindowAndNotInTheQuietPartBefore(String file) throws URISyntaxException {
        List<NabWindow> windows = NabWindows.bundled().of(file);
        List<Instant> starts = starts(file, file.contains("speed"));
        Instant firstWindow = local(windows.get(0).start());
        assertThat(starts).filteredOn(t -> !t.isBefore(LEARNED) && t.isBefore(firstWindow)).isEmpty();
        assertThat(starts).anyMatch(t -> windows.stream().anyMatch(w -> !t.isBefore(local(w.start())) && !t.isAfter(local(w.end()))));
    }
}
