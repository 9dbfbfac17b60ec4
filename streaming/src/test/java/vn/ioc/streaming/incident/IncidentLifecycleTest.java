package vn.ioc.streaming.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;

class IncidentLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-23T07:00:00Z");
    private static final Place PHU_HOI = new Place("hue-phuhoi", "Phú Hội", 16.469, 107.597, "Phường Phú Hội");
    private final IncidentLifecycle lifecycle = new IncidentLifecycle(Duration.ofMinutes(5));

    private static Condition slow(Instant at, Incident.Severity severity, double speed) {
        return new Condition("loop-1/CONGESTION", Incident.Type.CONGESTION, severity, "loop-1", "speed", speed, at, "speed " + speed);
    }

    @Test
    void firstHoldOpensAnIncidentAtThePlace() {
        var t = lifecycle.holds(null, PHU_HOI, slow(T0, Incident.Severity.MEDIUM, 30));
        Incident i = t.open();
        assertThat(i.status()).isEqualTo(Incident.Status.OPEN);
        assertThat(i.openedAt()).isEqualTo(T0);
        assertThat(i.ward()).isEqualTo("Phường Phú Hội");
        assertThat(i.lat()).isEqualTo(16.469);
        assertThat(i.version()).isEqualTo(1);
        assertThat(t.change().action()).isEqualTo("opened");
    }

    @Test
    void conditionThatGoesOnUpdatesTheSameIncidentNoMoreOftenThanAsked() {
        Incident open = lifecycle.holds(null, PHU_HOI, slow(T0, Incident.Severity.MEDIUM, 30)).open();
        var soon = lifecycle.holds(open, PHU_HOI, slow(T0.plusSeconds(60), Incident.Severity.MEDIUM, 28));
        assertThat(soon.change()).isNull();
        assertThat(soon.open()).isEqualTo(open);
        var later = lifecycle.holds(open, PHU_HOI, slow(T0.plus(Duration.ofMinutes(5)), Incident.Severity.MEDIUM, 25));
        assertThat(later.open().id()).isEqualTo(open.id());
        assertThat(later.open().value()).isEqualTo(25);
        assertThat(later.open().version()).isEqualTo(2);
        assertThat(later.change().action()).isEqualTo("updated");
    }

    @Test
    void risingSeverityIsPublishedAtOnce() {
        Incident open = lifecycle.holds(null, PHU_HOI, slow(T0, Incident.Severity.MEDIUM, 30)).open();
        var worse = lifecycle.holds(open, PHU_HOI, slow(T0.plusSeconds(30), Incident.Severity.HIGH, 12));
        assertThat(worse.change().action()).isEqualTo("escalated");
        assertThat(worse.open().severity()).isEqualTo(Incident.Severity.HIGH);
        // and it does not fall back while the condition lasts
        var better = lifecycle.holds(worse.open(), PHU_HOI, slow(T0.plus(Duration.ofMinutes(10)), Incident.Severity.MEDIUM, 35));
        assertThat(better.open().severity()).isEqualTo(Incident.Severity.HIGH);
    }

    @Test
    void endClearsTheIncidentAndLeavesNothingOpen() {
        Incident open = lifecycle.holds(null, PHU_HOI, slow(T0, Incident.Severity.MEDIUM, 30)).open();
        var end = lifecycle.ends(open, T0.plus(Duration.ofMinutes(40)), "speed back to normal");
        assertThat(end.open()).isNull();
        assertThat(end.change().incident().status()).isEqualTo(Incident.Status.CLEARED);
        assertThat(end.change().incident().closedAt()).isEqualTo(T0.plus(Duration.ofMinutes(40)));
        assertThat(end.change().incident().version()).isEqualTo(2);
        assertThat(lifecycle.ends(null, T0, "nothing open")).isEqualTo(new IncidentLifecycle.Transition(null, null));
    }

    @Test
    void idIsTheSameWhenTheSameInputIsReplayed() {
        String first = lifecycle.holds(null, PHU_HOI, slow(T0, Incident.Severity.MEDIUM, 30)).open().id();
        String replayed = new IncidentLifecycle(Duration.ofMinutes(1)).holds(null, PHU_HOI, slow(T0, Incident.Severity.MEDIUM, 31)).open().id();
        String later = lifecycle.holds(null, PHU_HOI, slow(T0.plusSeconds(1), Incident.Severity.MEDIUM, 30)).open().id();
        assertThat(replayed).isEqualTo(first);
        assertThat(later).isNotEqualTo(first);
    }

    @Test
    void aReportThatAgreesRaisesConfidenceOnceAndKeepsEveryEarlierSource() {
        Incident open = lifecycle.holds(null, PHU_HOI, slow(T0, Incident.Severity.MEDIUM, 30)).open();
        Evidence report = new Evidence(Evidence.Kind.REPORT, "r-17", null, null, T0.plusSeconds(120), "traffic-congestion");
        var linked = lifecycle.corroborate(open, report, T0.plusSeconds(120), "report linked", "report r-17");
        assertThat(linked.open().evidence()).extracting(Evidence::source).containsExactly("loop-1", "r-17");
        assertThat(linked.open().confidence()).isEqualTo(0.76); // 1 - 0.4 * 0.6
        assertThat(linked.open().version()).isEqualTo(open.version() + 1);
        assertThat(linked.change().action()).isEqualTo("report linked");
        assertThat(lifecycle.corroborate(linked.open(), report, T0.plusSeconds(180), "report linked", "again").change())
                .as("the same report twice counts once").isNull();
    }

    @Test
    void confidenceGrowsWithIndependentSourcesButNotWithMetricsOfOneDevice() {
        Evidence speed = new Evidence(Evidence.Kind.SENSOR, "loop-1", "speed", 20.0, T0, null);
        Evidence occupancy = new Evidence(Evidence.Kind.SENSOR, "loop-1", "occupancy", 60.0, T0, null);
        Evidence camera = new Evidence(Evidence.Kind.CAMERA, "cam-1", null, null, T0, null);
        assertThat(IncidentLifecycle.withEvidence(java.util.List.of(speed), occupancy)).containsExactly(occupancy);
        assertThat(Confidence.of(Incident.Type.CONGESTION, java.util.List.of(speed))).isEqualTo(0.6);
        assertThat(Confidence.of(Incident.Type.CONGESTION, java.util.List.of(speed, camera))).isEqualTo(0.84);
        assertThat(Confidence.of(Incident.Type.DEVICE_OFFLINE, java.util.List.of())).as("a device's own state is observed").isEqualTo(1.0);
        assertThat(Confidence.of(Incident.Type.CONGESTION, java.util.List.of())).isZero();
    }
}
