package vn.ioc.ingest.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class SenmlCodecTest {

    private static final TopicAddress LOOP = TopicAddress.edge(MessageKind.SENSOR_OBSERVATIONS, "hue-phuhoi", "loop-1");
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private final SenmlCodec codec = new SenmlCodec();

    private SensorMessage decode(String json) throws InvalidMessageException {
        return codec.decode(LOOP, json.getBytes(UTF_8), NOW);
    }

    private void assertRejected(String json, String... reasonParts) {
        assertThatThrownBy(() -> decode(json))
                .isInstanceOf(InvalidMessageException.class)
                .message().contains(reasonParts);
    }

    @Test
    void encodedMessageDecodesToTheSameMeasurements() throws Exception {
        var m = new SensorMessage("hue-phuhoi", 42, "hue-phuhoi", "loop-1", List.of(
                new Measurement("speed", "km/h", 52.5, NOW.minusSeconds(300)),
                new Measurement("occupancy", "%", 12.25, NOW.minusMillis(299_123))));
        SensorMessage back = codec.decode(LOOP, codec.encode(m), NOW);
        assertThat(back).isEqualTo(m);
    }

    @Test
    void observationsAreNumberedByTheirPlaceInTheMessage() throws Exception {
        var m = decode("""
                [{"bn":"hue-phuhoi/loop-1/","bt":1795420800,"agent":"a1","seq":7,"n":"speed","u":"km/h","v":40},
                 {"n":"occupancy","u":"%","v":9.5,"t":60}]""");
        var obs = m.observations();
        assertThat(obs).extracting(Observation::index).containsExactly(0, 1);
        assertThat(obs).allSatisfy(o -> {
            assertThat(o.agent()).isEqualTo("a1");
            assertThat(o.seq()).isEqualTo(7);
            assertThat(o.site()).isEqualTo("hue-phuhoi");
            assertThat(o.device()).isEqualTo("loop-1");
        });
        assertThat(obs.get(1).time()).isEqualTo(Instant.ofEpochSecond(1795420860));
        assertThat(obs.get(1).seriesKey()).isEqualTo("hue-phuhoi/loop-1/occupancy");
    }

    @Test
    void baseValueAndBaseUnitApplyToLaterRecords() throws Exception {
        var m = decode("""
                [{"bt":1795420800,"bu":"Cel","bv":20,"agent":"a1","seq":1,"n":"temp","v":1.5},{"n":"temp","v":2,"t":1}]""");
        assertThat(m.measurements()).extracting(Measurement::value).containsExactly(21.5, 22.0);
        assertThat(m.measurements()).extracting(Measurement::unit).containsExactly("Cel", "Cel");
    }

    @Test
    void malformedJsonIsRejectedAsMalformed() {
        assertRejected("[{\"n\":\"speed\",", "malformed");
    }

    @Test
    void truncatedPayloadIsRejected() {
        String whole = "[{\"bt\":1795420800,\"agent\":\"a1\",\"seq\":1,\"n\":\"speed\",\"v\":40}]";
        assertRejected(whole.substring(0, whole.length() - 5), "malformed");
    }

    @Test
    void emptyPayloadIsRejected() {
        assertThatThrownBy(() -> codec.decode(LOOP, new byte[0], NOW)).hasMessageContaining("empty payload");
    }

    @Test
    void oversizedPayloadIsRejectedBeforeParsing() {
        byte[] big = new byte[Json.MAX_PAYLOAD_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertThatThrownBy(() -> codec.decode(LOOP, big, NOW))
                .hasMessageContaining("at most " + Json.MAX_PAYLOAD_BYTES + " bytes")
                .hasMessageContaining((Json.MAX_PAYLOAD_BYTES + 1) + " bytes");
    }

    @Test
    void tooManyRecordsAreRejected() {
        StringBuilder sb = new StringBuilder("[{\"bt\":1795420800,\"agent\":\"a1\",\"seq\":1,\"n\":\"x\",\"v\":1}");
        for (int i = 0; i < SenmlCodec.MAX_RECORDS; i++) {
            sb.append(",{\"n\":\"x\",\"v\":1}");
        }
        assertRejected(sb.append("]").toString(), "at most " + SenmlCodec.MAX_RECORDS);
    }

    @Test
    void notAnArrayIsRejected() {
        assertRejected("{\"n\":\"speed\",\"v\":1}", "SenML JSON array", "object");
        assertRejected("[]", "non-empty");
    }

    @Test
    void stringWhereANumberBelongsNamesTheFieldAndTheValue() {
        assertRejected("[{\"bt\":1795420800,\"agent\":\"a1\",\"seq\":1,\"n\":\"speed\",\"v\":\"fast\"}]",
                "record 0", "'v' to be a finite number", "string \"fast\"");
    }

    @Test
    void missingAgentOrSequenceIsRejected() {
        assertRejected("[{\"bt\":1795420800,\"seq\":1,\"n\":\"speed\",\"v\":1}]", "'agent'", "missing");
        assertRejected("[{\"bt\":1795420800,\"agent\":\"a1\",\"n\":\"speed\",\"v\":1}]", "'seq'", "missing");
        assertRejected("[{\"bt\":1795420800,\"agent\":\"a1\",\"seq\":-3,\"n\":\"speed\",\"v\":1}]", "non-negative");
        assertRejected("[{\"bt\":1795420800,\"agent\":\"a/1\",\"seq\":1,\"n\":\"speed\",\"v\":1}]", "'agent'");
    }

    @Test
    void relativeTimeIsRejectedBecauseBufferedMessagesCannotCarryIt() {
        assertRejected("[{\"agent\":\"a1\",\"seq\":1,\"n\":\"speed\",\"v\":1,\"t\":-5}]", "absolute time", "relative");
    }

    @Test
    void missingTimeIsRejected() {
        assertRejected("[{\"agent\":\"a1\",\"seq\":1,\"n\":\"speed\",\"v\":1}]", "'t' or base time 'bt'");
    }

    @Test
    void clockFarAheadIsRejected() {
        long future = NOW.plusSeconds(3600).getEpochSecond();
        assertRejected("[{\"bt\":" + future + ",\"agent\":\"a1\",\"seq\":1,\"n\":\"speed\",\"v\":1}]", "clock ahead");
    }

    @Test
    void clockNeverSetIsRejected() {
        assertRejected("[{\"bt\":300000000,\"agent\":\"a1\",\"seq\":1,\"n\":\"speed\",\"v\":1}]", "clock set");
    }

    @Test
    void baseNameOfAnotherDeviceIsRejected() {
        assertRejected("[{\"bn\":\"hue-vida/loop-9/\",\"bt\":1795420800,\"agent\":\"a1\",\"seq\":1,\"n\":\"speed\",\"v\":1}]",
                "base name 'hue-phuhoi/loop-1/'", "hue-vida/loop-9/");
    }

    @Test
    void nonNumericValuesAreRejected() {
        assertRejected("[{\"bt\":1795420800,\"agent\":\"a1\",\"seq\":1,\"n\":\"door\",\"vb\":true}]", "non-numeric value 'vb'");
    }

    @Test
    void mustUnderstandExtensionIsRejected() {
        assertRejected("[{\"bt\":1795420800,\"agent\":\"a1\",\"seq\":1,\"n\":\"speed\",\"v\":1,\"crit_\":1}]", "must-understand", "crit_");
    }

    @Test
    void badRecordIsNamedByItsPosition() {
        assertRejected("[{\"bt\":1795420800,\"agent\":\"a1\",\"seq\":1,\"n\":\"speed\",\"v\":1},{\"n\":\"bad name!\",\"v\":1}]",
                "record 1", "metric name");
    }

    @Test
    void partialDecodingKeepsTheGoodRecordsAndSaysWhyEachBadOneWasRefused() throws Exception {
        var p = codec.decodePartially(LOOP, ("[{\"bt\":1795420800,\"agent\":\"a1\",\"seq\":3,\"n\":\"speed\",\"v\":50},"
                + "{\"n\":\"speed\",\"v\":null,\"t\":60},{\"n\":\"bad name\",\"v\":1},{\"n\":\"speed\",\"v\":48,\"t\":120}]")
                .getBytes(UTF_8), NOW);
        assertThat(p.message().measurements()).extracting(Measurement::value).containsExactly(50.0, 48.0);
        assertThat(p.message().seq()).isEqualTo(3);
        assertThat(p.refused()).hasSize(2);
        assertThat(p.refused().get(0)).startsWith("record 1: ").contains("finite number");
        assertThat(p.refused().get(1)).startsWith("record 2: ").contains("metric name");
    }

    @Test
    void partialDecodingStillRefusesAMessageWithoutAgentOrSequence() {
        assertThatThrownBy(() -> codec.decodePartially(LOOP, "[{\"bt\":1795420800,\"n\":\"speed\",\"v\":1}]".getBytes(UTF_8), NOW))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("'agent'");
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        assertRejected("[" + "[".repeat(100) + "]".repeat(100) + "]", "malformed");
    }
}
