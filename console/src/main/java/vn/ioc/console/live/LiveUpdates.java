package vn.ioc.console.live;

import java.time.Clock;
import java.time.Instant;

import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.ioc.console.camera.FrameCache;
import vn.ioc.console.camera.IncidentSnapshotKeeper;
import vn.ioc.console.incident.IncidentChanged;
import vn.ioc.console.incident.IncidentView;
import vn.ioc.console.report.ReportChanged;
import vn.ioc.ingest.contract.CameraEventCodec;
import vn.ioc.ingest.contract.Incident;
import vn.ioc.ingest.contract.IncidentCodec;
import vn.ioc.ingest.contract.InvalidMessageException;
import vn.ioc.ingest.contract.MessageKind;
import vn.ioc.ingest.contract.Report;
import vn.ioc.ingest.contract.ReportCodec;
import vn.ioc.ingest.contract.SiteStatus;
import vn.ioc.ingest.contract.SiteStatusCodec;
import vn.ioc.ingest.contract.TopicAddress;
import vn.ioc.ingest.contract.Topics;

/**
 * What the console does with each MQTT message, on Paho's callback thread: decode, then hand
 * incidents and site changes to the browsers' queues and keep camera frames. Nothing here
 * blocks, and a message that breaks the contract is logged with its topic and the reason,
 * then dropped.
 */
@Component
class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final IncidentCodec incidents = new IncidentCodec();
    private final SiteStatusCodec statuses = new SiteStatusCodec();
    private final CameraEventCodec cameraEvents = new CameraEventCodec();
    private final ReportCodec reports = new ReportCodec();
    private final LiveClients clients;
    private final FrameCache frames;
    private final IncidentSnapshotKeeper snapshots;
    private final Clock clock;
    private final LiveMeters meters;

    LiveUpdates(LiveClients clients, FrameCache frames, IncidentSnapshotKeeper snapshots, Clock clock, LiveMeters meters) {
        this.meters = meters;
        this.clients = clients;
        this.frames = frames;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    void onMessage(String topic, MqttMessage message) {
        byte[] payload = message.getPayload();
        try {
            TopicAddress address = Topics.parse(topic);
            meters.received(address.kind());
            // a retained message is as old as it is: its age says nothing of the pipeline's speed
            boolean fresh = !message.isRetained();
            switch (address.kind()) {
                case INCIDENT -> incident(address, payload, fresh);
                case SITE_STATUS -> site(address, payload, fresh);
                // the operator console shows every camera; citizens' pages must use public frames only
                case CAMERA_FRAME -> frames.put(address.site(), address.device(), payload, clock.instant(), true);
                case OPERATOR_FRAME -> frames.put(address.site(), address.device(), payload, clock.instant(), false);
                // only their snapshots, until the incident they open arrives
                case CAMERA_EVENT -> snapshots.onCameraEvent(cameraEvents.decode(address, payload, clock.instant()));
                // a new report, from whichever console took it: the maps' report layers follow
                case REPORT -> report(address, payload);
                default -> log.debug("Not subscribed to {}, ignoring it", topic);
            }
        } catch (InvalidMessageException e) {
            meters.invalid();
            log.warn("Ignoring an invalid message on {}: {}", topic, e.getMessage());
        }
    }

    /** An agency's answer, a citizen's reopening or an escalation on this console: the maps reload that report's state. */
    @EventListener
    void onReportChange(ReportChanged change) {
        clients.broadcast("report", new LiveMessage.ReportUpdate(change.id(), change.status()));
    }

    private void report(TopicAddress address, byte[] payload) throws InvalidMessageException {
        if (payload.length == 0) {
            return;
        }
        Report report = reports.decode(address, payload, clock.instant());
        clients.broadcast("report", new LiveMessage.ReportUpdate(report.id(), report.status()));
    }

    /** An operator's decision made on this console: pushed at once, as the job's changes are. */
    @EventListener
    void onOperatorChange(IncidentChanged change) {
        clients.broadcast("incident", change.incident());
    }

    private void incident(TopicAddress address, byte[] payload, boolean fresh) throws InvalidMessageException {
        if (payload.length == 0) {
            return; // a cleared retained message, not an incident
        }
        Instant now = clock.instant();
        Incident incident = incidents.decode(address, payload, now);
        if (fresh) {
            meters.lag(MessageKind.INCIDENT, incident.updatedAt(), now);
        }
        clients.broadcast("incident", IncidentView.of(incident));
        snapshots.onIncident(incident);
    }

    private void site(TopicAddress address, byte[] payload, boolean fresh) throws InvalidMessageException {
        if (payload.length == 0) {
            return; // the site's retained status was cleared
        }
        Instant now = clock.instant();
        SiteStatus status = statuses.decode(address, payload, now);
        if (fresh) {
            meters.lag(MessageKind.SITE_STATUS, status.time(), now);
        }
        clients.broadcast("site", new LiveMessage.SiteUpdate(status.site(), status.online(), status.reason()));
    }
}
