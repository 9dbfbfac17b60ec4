package vn.ioc.streaming.job;

import vn.ioc.ingest.contract.Observation;
import vn.ioc.ingest.source.MqttRecord;

/**
 * What the per-site detection reads: either one observation, or one validated status or
 * camera-event message (kept as received; it is rare and decoded again where used, which
 * keeps the stream's types plain for Flink's serializers).
 *
 * @param eventTime epoch ms: the observation's time, the message's own time, or its arrival
 */
public record SiteInput(String site, long eventTime, Observation observation, MqttRecord message) {

    public static SiteInput of(Observation o) {
        return new SiteInput(o.site(), o.time().toEpochMilli(), o, null);
    }

    public static SiteInput of(String site, long eventTime, MqttRecord message) {
        return new SiteInput(site, eventTime, null, message);
    }

    public boolean isObservation() {
        return observation != null;
    }
}
