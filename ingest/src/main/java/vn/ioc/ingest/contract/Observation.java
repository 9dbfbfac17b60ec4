package vn.ioc.ingest.contract;

import java.time.Instant;

/**
 * One stored reading. {@code (agent, seq, index)} identifies it across redeliveries:
 * the agent numbers its messages and {@code index} is the record's place in its message.
 */
public record Observation(
        String agent, long seq, int index,
        String site, String device, String metric, String unit,
        double value, Instant time) {

    /** The key detectors keep state under: one series. */
    public String seriesKey() {
        return site + "/" + device + "/" + metric;
    }
}
