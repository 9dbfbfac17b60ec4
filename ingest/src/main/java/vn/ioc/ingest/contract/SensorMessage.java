package vn.ioc.ingest.contract;

import java.util.ArrayList;
import java.util.List;

/** The content of one message on {@code ioc/v1/{site}/sensor/{id}/obs}. */
public record SensorMessage(String agent, long seq, String site, String sensor, List<Measurement> measurements) {

    public SensorMessage {
        measurements = List.copyOf(measurements);
    }

    public List<Observation> observations() {
        List<Observation> out = new ArrayList<>(measurements.size());
        for (int i = 0; i < measurements.size(); i++) {
            Measurement m = measurements.get(i);
            out.add(new Observation(agent, seq, i, site, sensor, m.metric(), m.unit(), m.value(), m.time()));
        }
        return out;
    }
}
