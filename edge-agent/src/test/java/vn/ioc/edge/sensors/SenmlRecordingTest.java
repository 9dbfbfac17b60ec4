package vn.ioc.edge.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Measurement;

class SenmlRecordingTest {

    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    private static List<Measurement> read(String json) throws IOException {
        return SenmlRecording.read("test.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), START);
    }

    @Test
    void relativeTimesCountFromTheGivenInstant() throws Exception {
        List<Measurement> m = read("""
                [{"bn": "hue-duc/rain-1/", "bt": 0, "n": "rain", "u": "mm", "v": 0.2},
                 {"n": "rain", "u": "mm", "t": 600, "v": 1.4}]
                """);
        assertThat(m).containsExactly(
                new Measurement("rain", "mm", 0.2, START),
                new Measurement("rain", "mm", 1.4, START.plusSeconds(600)));
    }

    @Test
    void baseValueIsAddedAndNameWithoutNTakesTheBaseNamesLastPart() throws Exception {
        List<Measurement> m = read("""
                [{"bn": "urn:dev:ow:10e2073a01080063:water_level", "bt": 1.7954e9, "bv": 100, "bu": "cm", "v": 12}]
                """);
        assertThat(m).containsExactly(new Measurement("water_level", "cm", 112, Instant.ofEpochSecond(1_795_400_000L)));
    }

    @Test
    void severalArraysInOneFileAreRead() throws Exception {
        List<Measurement> m = read("""
                [{"bt": 1.7954e9, "n": "noise", "u": "dB", "v": 61}]
                [{"bt": 1.79540006e9, "n": "noise", "u": "dB", "v": 64}]
                """);
        assertThat(m).extracting(Measurement::value).containsExactly(61.0, 64.0);
        assertThat(m.get(1).time()).isEqualTo(Instant.ofEpochSecond(1_795_400_060L));
    }

    @Test
    void textValueThrowsExceptionNamingTheRecord() {
        assertThatThrownBy(() -> read("[{\"n\": \"state\", \"t\": 0, \"v\": 1}, {\"n\": \"state\", \"vs\": \"open\"}]"))
                .isInstanceOf(IOException.class)
                .hasMessage("test.json record 1: expected a numeric value 'v' but found 'vs' (only numbers are sent)");
    }

    @Test
    void invalidMetricOrUnitThrowsException() {
        assertThatThrownBy(() -> read("[{\"n\": \"pm 2.5\", \"v\": 1}]")).hasMessageContaining("record 0").hasMessageContaining("'pm 2.5'");
        assertThatThrownBy(() -> read("[{\"n\": \"pm2_5\", \"u\": \"micro grams\", \"v\": 1}]")).hasMessageContaining("SenML unit");
    }

    @Test
    void notJsonOrNotArraysThrowsException() {
        assertThatThrownBy(() -> read("{\"n\": \"x\"}")).hasMessageContaining("expected SenML JSON arrays");
        assertThatThrownBy(() -> read("[{\"n\": ")).hasMessageStartingWith("test.json: not valid JSON");
        assertThatThrownBy(() -> read("[]")).hasMessageContaining("at least one SenML record");
    }
}
