package dev.vellum.reports.etsi;

import dev.vellum.reports.ReportException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin indenting layer over the JDK's {@link XMLStreamWriter}: element-only content, two spaces
 * per level, leaves on one line. StAX has no pretty printer of its own and the report is read by people too.
 */
final class XmlOut implements AutoCloseable {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter xml;
    /** Per open element: whether it has child elements yet. */
    private final Deque<boolean[]> open = new ArrayDeque<>();

    XmlOut(OutputStream out) {
        try {
            this.xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new ReportException("cannot start the XML report: " + e.getMessage(), e);
        }
    }

    XmlOut start(String prefix, String local, String namespace) {
        try {
            if (!open.isEmpty()) {
                open.peek()[0] = true;
            }
            xml.writeCharacters("\n" + "  ".repeat(open.size()));
            xml.writeStartElement(prefix, local, namespace);
            open.push(new boolean[] {false});
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    XmlOut namespace(String prefix, String namespace) {
        try {
            xml.writeNamespace(prefix, namespace);
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    XmlOut attribute(String name, String value) {
        try {
            xml.writeAttribute(name, value);
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    XmlOut text(String value) {
        try {
            xml.writeCharacters(value);
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    XmlOut end() {
        try {
            boolean[] hadChildren = open.pop();
            if (hadChildren[0]) {
                xml.writeCharacters("\n" + "  ".repeat(open.size()));
            }
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** An element holding only text. */
    XmlOut leaf(String prefix, String local, String namespace, String value) {
        return start(prefix, local, namespace).text(value).end();
    }

    @Override
    public void close() {
        try {
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    private static ReportException failed(XMLStreamException e) {
        return new ReportException("cannot write the XML report: " + e.getMessage(), e);
    }
}
