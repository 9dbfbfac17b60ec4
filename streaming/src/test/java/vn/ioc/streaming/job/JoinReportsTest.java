package vn.ioc.streaming.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Evidence;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.contract.Report;
import vn.ioc.streaming.incident.Condition;
import vn.ioc.streaming.incident.IncidentChange;
import vn.ioc.streaming.incident.IncidentLifecycle;
import vn.ioc.streaming.incident.Place;
import vn.ioc.streaming.report.Cells;
import vn.ioc.streaming.report.ReportJoin;
import vn.ioc.streaming.report.ReportJoinRules;

/** The report join in Flink's operator harness: which reports link, in what order, and what state stays. */
class JoinReportsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T07:00:00Z");
    /** A flood gauge on Lê Lợi at Phú Hội. */
    private static final Place GAUGE = new Place("hue-phuhoi", "Lê Lợi", 16.4690, 107.5970, "Phường Phú Hội");

    private final IncidentLifecycle lifecycle = new IncidentLifecycle(Duration.ofMinutes(5));
    private KeyedOneInputStreamOperatorTestHarness<String, CellInput, IncidentChange> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness();
        harness.open();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, CellInput, IncidentChange> harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new JoinReports(new ReportJoin(ReportJoinRules.defaults()))), CellInput::cell, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private Condition flooded(Instant at, double cm) {
        return new Condition("gauge-1/FLOODING", Incident.Type.FLOODING, Incident.Severity.MEDIUM, "gauge-1", "water_level", cm, at,
                "water " + cm + " cm");
    }

    private void change(IncidentChange c) throws Exception {
        harness.processElement(new StreamRecord<>(CellInput.of(Cells.of(c.incident().lat(), c.incident().lon()), c)));
    }

    /** A report, sent to every cell near it as the job does. */
    private void report(String id, String category, double lat, double lon, Instant at) throws Exception {
        Report r = new Report(id, category, lat, lon, at, null, "nước ngập", null);
        ReportJoin join = new ReportJoin(ReportJoinRules.defaults());
        if (join.joinable(r)) {
            for (String cell : Cells.around(lat, lon, join.radiusMetres(r))) {
                harness.processElement(new StreamRecord<>(CellInput.of(cell, r)));
            }
        }
    }

    private List<IncidentChange> out() {
        return harness.extractOutputValues();
    }

    @Test
    void aFloodedStreetReportNearAWaterLevelAlertLinksToItAndRaisesItsConfidence() throws Exception {
        var opened = lifecycle.holds(null, GAUGE, flooded(T0, 25));
        change(opened.change());
        report("r-1", "flooding", 16.4700, 107.5980, T0.plus(Duration.ofMinutes(20))); // about 150 m away
        var later = lifecycle.holds(opened.open(), GAUGE, flooded(T0.plus(Duration.ofMinutes(30)), 32));
        change(later.change());
        change(lifecycle.ends(later.open(), T0.plus(Duration.ofHours(2)), "water back to normal").change());
        harness.processWatermark(T0.plus(Duration.ofHours(3)).toEpochMilli());

        assertThat(out()).extracting(IncidentChange::action).containsExactly("opened", "report linked", "updated", "cleared");
        assertThat(out()).extracting(c -> c.incident().version()).as("the link is a version of its own").containsExactly(1L, 2L, 3L, 4L);
        IncidentChange linked = out().get(1);
        assertThat(linked.incident().evidence()).extracting(e -> e.kind() + " " + e.source()).containsExactly("SENSOR gauge-1", "REPORT r-1");
        assertThat(linked.incident().confidence()).isEqualTo(0.76);
        assertThat(linked.detail()).contains("r-1").contains("flooding").containsPattern("1[0-9]{2} m away");
        assertThat(out().get(2).incident().evidence()).as("later changes keep the report").extracting(Evidence::source)
                .containsExactly("gauge-1", "r-1");
        assertThat(out().get(3).incident().confidence()).isEqualTo(0.76);
    }

    @Test
    void incidentsAndLinksLeaveAtOnceWithoutWaitingForTheWatermark() throws Exception {
        // no watermark at all: every site has gone quiet, as a flood can make them
        var opened = lifecycle.holds(null, GAUGE, flooded(T0, 25));
        change(opened.change());
        assertThat(out()).extracting(IncidentChange::action).containsExactly("opened");
        report("r-0", "flooding", 16.4700, 107.5980, T0.plus(Duration.ofMinutes(1)));
        assertThat(out()).extracting(IncidentChange::action).containsExactly("opened", "report linked");
    }

    @Test
    void aReportFiledBeforeTheIncidentOpensIsLinkedWhenItOpens() throws Exception {
        report("r-2", "flooding", 16.4695, 107.5975, T0.minus(Duration.ofMinutes(40)));
        change(lifecycle.holds(null, GAUGE, flooded(T0, 25)).change());
        harness.processWatermark(T0.plus(Duration.ofMinutes(10)).toEpochMilli());
        assertThat(out()).extracting(IncidentChange::action).containsExactly("opened", "report linked");
    }

    @Test
    void reportsOfAnotherKindTooFarOrTooEarlyStayReports() throws Exception {
        report("far", "flooding", 16.4900, 107.5970, T0.plusSeconds(60));          // 2.3 km north
        report("other-kind", "traffic-congestion", 16.4690, 107.5971, T0.plusSeconds(60));
        report("not-joinable", "waste", 16.4690, 107.5971, T0.plusSeconds(60));
        report("too-early", "flooding", 16.4690, 107.5971, T0.minus(Duration.ofMinutes(90)));
        change(lifecycle.holds(null, GAUGE, flooded(T0, 25)).change());
        harness.processWatermark(T0.plus(Duration.ofHours(1)).toEpochMilli());
        assertThat(out()).extracting(IncidentChange::action).containsExactly("opened");
    }

    @Test
    void aReportSoonAfterTheIncidentClearedStillCountsButNotAnHourLaterAndNothingIsKept() throws Exception {
        var opened = lifecycle.holds(null, GAUGE, flooded(T0, 25));
        change(opened.change());
        Instant cleared = T0.plus(Duration.ofMinutes(50));
        change(lifecycle.ends(opened.open(), cleared, "back to normal").change());
        report("soon", "drainage", 16.4691, 107.5971, cleared.plus(Duration.ofMinutes(20)));
        report("late", "drainage", 16.4691, 107.5971, cleared.plus(Duration.ofMinutes(60)));
        harness.processWatermark(cleared.plus(Duration.ofHours(3)).toEpochMilli());

        assertThat(out()).extracting(IncidentChange::action).containsExactly("opened", "cleared", "report linked");
        assertThat(out().get(2).incident().status()).isEqualTo(Incident.Status.CLEARED);
        assertThat(harness.numKeyedStateEntries()).as("incidents and reports are dropped once nothing can join them").isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aDeliveredAgainReportLinksOnceAndARestoredJoinNeitherLosesNorRepeatsALink() throws Exception {
        var opened = lifecycle.holds(null, GAUGE, flooded(T0, 25));
        change(opened.change());
        report("r-3", "flooding", 16.4695, 107.5975, T0.plus(Duration.ofMinutes(5)));
        harness.processWatermark(T0.plus(Duration.ofMinutes(10)).toEpochMilli());
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = harness();
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        report("r-3", "flooding", 16.4695, 107.5975, T0.plus(Duration.ofMinutes(5))); // redelivered after the restore
        report("r-4", "flooding", 16.4685, 107.5965, T0.plus(Duration.ofMinutes(15)));
        change(lifecycle.holds(opened.open(), GAUGE, flooded(T0.plus(Duration.ofMinutes(20)), 30)).change());
        harness.processWatermark(T0.plus(Duration.ofMinutes(30)).toEpochMilli());

        assertThat(out()).extracting(IncidentChange::action).containsExactly("report linked", "updated");
        Incident last = out().get(1).incident();
        assertThat(last.evidence()).extracting(Evidence::source).containsExactly("gauge-1", "r-3", "r-4");
        assertThat(last.version()).as("detector version 2, plus two reports").isEqualTo(4);
        assertThat(last.confidence()).isEqualTo(0.856);
    }
}
