package vn.ioc.ingest.contract;

import java.time.Instant;

/** One reading of one metric, as a sensor took it. */
public record Measurement(String metric, String unit, double value, Instant time) {
}
