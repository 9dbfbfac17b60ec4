package vn.ioc.console.alert;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import vn.ioc.ingest.contract.Incident;

/**
 * A public alert as an OASIS Common Alerting Protocol 1.2 message, the format public warning
 * systems and phone alert gateways read. Each state of an alert is one message: {@code Alert}
 * when published, {@code Update} when reworded, {@code Cancel} when it ended; the later ones
 * reference the first.
 */
public final class CapMessage {

    static final String NS = "urn:oasis:names:tc:emergency:cap:1.2";
    /** CAP times: local time with its offset, whole seconds, never "Z". */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
    static final ZoneId HUE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final String sender;
    private final String senderName;
    private final String web;

    /**
     * @param sender     CAP's sender: a unique name of the center
     * @param senderName the center's name for people
     * @param web        the public alerts page
     */
    public CapMessage(String sender, String senderName, String web) {
        this.sender = sender;
        this.senderName = senderName;
        this.web = web;
    }

    static String time(Instant t) {
        return TIME.format(t.truncatedTo(ChronoUnit.SECONDS).atZone(HUE));
    }

    /** The message's identifier: the incident and the moment of the change, unique per message. */
    static String identifier(String incidentId, Instant at) {
        return "ioc-" + incidentId + "-" + at.getEpochSecond();
    }

    public String write(PublicAlert a) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("alert");
            x.writeDefaultNamespace(NS);
            Instant sent = a.lastChange();
            String msgType = !a.inForce() ? "Cancel" : sent.equals(a.publishedAt()) ? "Alert" : "Update";
            element(x, "identifier", identifier(a.incident().id(), sent));
            element(x, "sender", sender);
            element(x, "sent", time(sent));
            element(x, "status", "Actual");
            element(x, "msgType", msgType);
            element(x, "scope", "Public");
            if (!msgType.equals("Alert")) {
                element(x, "references", sender + "," + identifier(a.incident().id(), a.publishedAt()) + "," + time(a.publishedAt()));
            }
            info(x, a);
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the CAP message of " + a.incident().id(), e);
        }
    }

    private void info(XMLStreamWriter x, PublicAlert a) throws XMLStreamException {
        Incident i = a.incident();
        x.writeStartElement("info");
        element(x, "language", "vi-VN");
        element(x, "category", category(i.type()));
        element(x, "event", AlertTexts.event(i.type()));
        element(x, "urgency", a.inForce() ? "Immediate" : "Past");
        element(x, "severity", switch (i.severity()) {
            case CRITICAL -> "Extreme";
            case HIGH -> "Severe";
            case MEDIUM -> "Moderate";
            case LOW -> "Minor";
        });
        // an incident two independent sources agree on (or an operator chose to publish) is observed
        element(x, "certainty", i.confidence() == null || i.confidence() >= 0.8 ? "Observed" : "Likely");
        element(x, "senderName", senderName);
        element(x, "headline", a.headline());
        element(x, "description", a.description());
        element(x, "web", web + "#" + i.id());
        if (i.lat() != null && i.lon() != null) {
            x.writeStartElement("area");
            element(x, "areaDesc", i.ward() != null ? i.ward() : "Thừa Thiên Huế");
            element(x, "circle", String.format(Locale.ROOT, "%.5f,%.5f 0.5", i.lat(), i.lon())); // 500 m around the place
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    /** CAP's categories: weather and water, environment, transport, infrastructure. */
    static String category(Incident.Type type) {
        return switch (type) {
            case FLOODING -> "Met";
            case AIR_QUALITY -> "Env";
            case CONGESTION, STALLED_VEHICLE, WRONG_WAY, ZONE_INTRUSION -> "Transport";
            case DEVICE_OFFLINE, CAMERA_TAMPER, SENSOR_DRIFT -> "Infra";
            case ANOMALY -> "Other";
        };
    }

    static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }
}
