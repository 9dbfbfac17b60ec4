package vn.ioc.console.alert;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The public alerts as an Atom feed (RFC 4287), for news readers and city web sites; each
 * entry links to its CAP message.
 */
public final class AtomFeed {

    static final String NS = "http://www.w3.org/2005/Atom";

    private final String title;
    private final String base;

    /** @param base the public URL the links start with, e.g. {@code https://ioc.example/public/alerts} */
    public AtomFeed(String title, String base) {
        this.title = title;
        this.base = base;
    }

    public String write(List<PublicAlert> alerts, Instant now) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(NS);
            CapMessage.element(x, "id", base);
            CapMessage.element(x, "title", title);
            CapMessage.element(x, "updated", (alerts.isEmpty() ? now : alerts.get(0).lastChange()).toString());
            link(x, "self", "application/atom+xml", base + ".atom");
            link(x, "alternate", "text/html", base);
            for (PublicAlert a : alerts) {
                x.writeStartElement("entry");
                CapMessage.element(x, "id", base + "/" + a.incident().id());
                CapMessage.element(x, "title", (a.inForce() ? "" : "[Đã kết thúc / Ended] ") + a.headline());
                CapMessage.element(x, "published", a.publishedAt().toString());
                CapMessage.element(x, "updated", a.lastChange().toString());
                x.writeStartElement("author");
                CapMessage.element(x, "name", title);
                x.writeEndElement();
                CapMessage.element(x, "summary", AlertTexts.event(a.incident().type()) + " — " + a.description());
                link(x, "alternate", "application/cap+xml", base + "/" + a.incident().id() + ".cap");
                link(x, "related", "text/html", base + "#" + a.incident().id());
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the alerts feed", e);
        }
    }

    private static void link(XMLStreamWriter x, String rel, String type, String href) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", href);
    }
}
