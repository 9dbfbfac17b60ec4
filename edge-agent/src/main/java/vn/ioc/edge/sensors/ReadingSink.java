package vn.ioc.edge.sensors;

import java.util.List;

import vn.ioc.ingest.contract.Measurement;

/**
 * Where a {@link SensorAdapter} delivers readings: the agent turns each call into one SenML
 * message on {@code ioc/v1/{site}/sensor/{sensorId}/obs}. Called on the adapter's own thread.
 */
@FunctionalInterface
public interface ReadingSink {

    /** @param readings one or more readings taken together, never empty */
    void accept(String sensorId, List<Measurement> readings);
}
