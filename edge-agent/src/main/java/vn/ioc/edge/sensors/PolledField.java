package vn.ioc.edge.sensors;

import tools.jackson.core.JsonPointer;

/**
 * Where one metric sits in a polled JSON document.
 *
 * @param pointer     RFC 6901 JSON Pointer to the value, e.g. {@code /data/pm25}
 * @param scale       what the value is multiplied by before it is sent (1 for as is)
 * @param timePointer JSON Pointer to the reading's time, or null to stamp it with the poll's time;
 *                    the time is a number of seconds (or milliseconds, see {@code timeInMillis})
 *                    since 1970, or an ISO-8601 text with an offset such as {@code 2026-11-23T08:00:00Z}
 */
public record PolledField(String metric, JsonPointer pointer, String unit, double scale, JsonPointer timePointer, boolean timeInMillis) {
}
