package vn.ioc.streaming.testing;

import java.time.Instant;
import java.util.List;

import vn.ioc.ingest.contract.CameraEvent;
import vn.ioc.ingest.contract.CameraEventCodec;
import vn.ioc.ingest.contract.Measurement;
import vn.ioc.ingest.contract.Report;
import vn.ioc.ingest.contract.ReportCodec;
import vn.ioc.ingest.contract.SenmlCodec;
import vn.ioc.ingest.contract.SensorMessage;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.SiteStatusCodec;
import vn.ioc.ingest.contract.Topics;
import vn.ioc.ingest.source.MqttRecord;

/** Messages as real edge agents (and the console, for citizen reports) send them, for feeding the job in tests. */
public final class EdgeMessages {

    private EdgeMessages() {
    }

    /** A loop detector site at a Huế ward centre. */
    public static SiteStatus loopSite(String site, double lat, double lon, Instant at) {
        return SiteStatus.birth(site, site, at, "Test site " + site, lat, lon,
                List.of(new SiteStatus.Device("loop-1", SiteStatus.Kind.SENSOR, "traffic-loop", false)));
    }

    public static MqttRecord birth(SiteStatus s, long receivedAt) {
        return new MqttRecord(Topics.status(s.site()), new SiteStatusCodec().encode(s), receivedAt);
    }

    public static MqttRecord will(String site, long receivedAt) {
        return new MqttRecord(Topics.status(site), new SiteStatusCodec().encode(SiteStatus.will(site, site)), receivedAt);
    }

    public static MqttRecord cameraEvent(String site, long seq, String camera, CameraEvent.Type type, CameraEvent.State state,
                                         String reason, Instant at) {
        CameraEvent e = new CameraEvent(site, seq, site, camera, at, type, state, null, null, reason, null);
        return new MqttRecord(Topics.cameraEvent(site, camera), new CameraEventCodec().encode(e), at.toEpochMilli());
    }

    public static MqttRecord speed(String site, long seq, double kmh, Instant at) {
        SensorMessage m = new SensorMessage(site, seq, site, "loop-1", List.of(new Measurement("speed", "km/h", kmh, at)));
        return new MqttRecord(Topics.sensorObservations(site, "loop-1"), new SenmlCodec().encode(m), at.toEpochMilli());
    }

    /** A site carrying the given devices. */
    public static SiteStatus site(String site, double lat, double lon, Instant at, SiteStatus.Device... devices) {
        return SiteStatus.birth(site, site, at, "Test site " + site, lat, lon, List.of(devices));
    }

    /** One reading of one device's metric. */
    public static MqttRecord reading(String site, long seq, String device, String metric, String unit, double value, Instant at) {
        SensorMessage m = new SensorMessage(site, seq, site, device, List.of(new Measurement(metric, unit, value, at)));
        return new MqttRecord(Topics.sensorObservations(site, device), new SenmlCodec().encode(m), at.toEpochMilli());
    }

    /** A citizen's report as the console publishes it, arriving a second after it was filed. */
    public static MqttRecord report(Report r) {
        return new MqttRecord(Topics.report(r.id()), new ReportCodec().encode(r), r.time().toEpochMilli() + 1000);
    }
}
