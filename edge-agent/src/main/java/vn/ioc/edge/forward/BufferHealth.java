package vn.ioc.edge.forward;

import java.time.Instant;
import java.util.List;

import vn.ioc.ingest.contract.Measurement;
import vn.ioc.ingest.contract.SensorMessage;
import vn.ioc.ingest.contract.Topics;

/**
 * The publisher's counters as SenML observations of the agent itself, on
 * {@code ioc/v1/{site}/sensor/agent/obs}: how much waits on disk and how much was dropped,
 * so that operators see a long outage and its losses in the data they already watch.
 * Counters are totals since the agent started, so losing one report loses nothing.
 */
final class BufferHealth {

    /** The sensor id the agent reports itself under. */
    static final String SENSOR = "agent";

    private BufferHealth() {
    }

    static String topic(String site) {
        return Topics.sensorObservations(site, SENSOR);
    }

    static SensorMessage report(String agent, String site, long seq, ForwardCounters c, Instant now) {
        return new SensorMessage(agent, seq, site, SENSOR, List.of(
                new Measurement("buffer_depth", "count", c.buffered(), now),
                new Measurement("buffer_bytes", "B", c.bufferBytes(), now),
                new Measurement("buffer_dropped", "count", c.dropped(), now),
                new Measurement("buffer_dropped_statistics", "count", c.dropped(Priority.STATISTICS), now),
                new Measurement("buffer_dropped_readings", "count", c.dropped(Priority.READING), now)));
    }
}
