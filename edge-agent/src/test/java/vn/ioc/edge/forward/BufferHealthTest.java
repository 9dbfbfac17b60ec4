package vn.ioc.edge.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.ioc.ingest.contract.Measurement;
import vn.ioc.ingest.contract.SenmlCodec;
import vn.ioc.ingest.contract.SensorMessage;
import vn.ioc.ingest.contract.Topics;

class BufferHealthTest {

    @Test
    void reportIsSenmlTheContractAcceptsWithTheCounters() throws Exception {
        ForwardCounters c = new ForwardCounters(new long[] {1, 2, 3}, new long[] {40, 5, 0}, 17, 4096, 0, 2);
        Instant now = Instant.parse("2026-11-23T08:00:00Z");
        SenmlCodec codec = new SenmlCodec();

        byte[] payload = codec.encode(BufferHealth.report("hue-vida", "hue-vida", 99, c, now));
        SensorMessage decoded = codec.decode(Topics.parse(BufferHealth.topic("hue-vida")), payload, now);

        assertThat(decoded.agent()).isEqualTo("hue-vida");
        assertThat(decoded.seq()).isEqualTo(99);
        assertThat(decoded.sensor()).isEqualTo("agent");
        assertThat(decoded.measurements()).extracting(Measurement::metric, Measurement::unit, Measurement::value).containsExactly(
                tuple("buffer_depth", "count", 17.0),
                tuple("buffer_bytes", "B", 4096.0),
                tuple("buffer_dropped", "count", 45.0),
                tuple("buffer_dropped_statistics", "count", 40.0),
                tuple("buffer_dropped_readings", "count", 5.0));
    }
}
