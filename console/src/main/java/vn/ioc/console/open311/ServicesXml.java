package vn.ioc.console.open311;

import java.io.StringWriter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** services.xml as the spec shows it; the writer escapes the text. */
final class ServicesXml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private ServicesXml() {
    }

    static String write(List<ServiceView> services) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("services");
            for (ServiceView s : services) {
                xml.writeStartElement("service");
                element(xml, "service_code", s.serviceCode());
                element(xml, "service_name", s.serviceName());
                element(xml, "description", s.description());
                element(xml, "metadata", String.valueOf(s.metadata()));
                element(xml, "type", s.type());
                element(xml, "keywords", s.keywords());
                element(xml, "group", s.group());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write services.xml: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }
}
