package vn.ioc.ingest.contract;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One source that showed an incident: a sensor's reading, a camera's event or a citizen's
 * report. An incident keeps one entry per source, with what that source last said.
 *
 * @param source the device id, or the report id
 * @param metric the measured quantity, for a sensor or a camera's statistics
 * @param value  the source's latest value
 * @param at     when the source last showed the condition
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(Kind kind, String source, String metric, Double value, Instant at, String detail) {

    public enum Kind { SENSOR, CAMERA, REPORT }

    /** Whether this and {@code other} come from the same source (and so count once). */
    public boolean sameSource(Evidence other) {
        return kind == other.kind && source.equals(other.source);
    }
}
