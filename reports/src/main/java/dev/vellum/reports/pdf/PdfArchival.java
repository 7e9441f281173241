package dev.vellum.reports.pdf;

import dev.vellum.reports.ReportException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * What makes a report PDF/A-2b (ISO 19005-2) besides embedded fonts: the document information and
 * the same values as XMP metadata with the PDF/A identification (§6.6), and an sRGB output intent
 * (§6.2.4.2, the JDK's sRGB profile) so that DeviceRGB colours have a defined meaning.
 * The XMP packet is written here by hand: it is fixed, small, and PDFBox's xmpbox would be one more
 * library for ten elements.
 */
final class PdfArchival {
    private static volatile byte[] srgb;

    private PdfArchival() {
    }

    static void apply(PDDocument document, String title, String subject, String keywords, Instant created) {
        document.setVersion(1.7f);
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(created.getEpochSecond() * 1000);
        String producer = "Vellum (Apache PDFBox)";
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor("Vellum");
        info.setSubject(subject);
        info.setKeywords(keywords);
        info.setCreator("Vellum");
        info.setProducer(producer);
        info.setCreationDate(calendar);
        info.setModificationDate(calendar);
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage("en");
        try {
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(xmp(title, subject, keywords, producer, created).getBytes(StandardCharsets.UTF_8));
            catalog.setMetadata(metadata);
            PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(srgb()));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);
        } catch (IOException e) {
            throw new ReportException("cannot write the PDF/A metadata: " + e.getMessage(), e);
        }
    }

    private static byte[] srgb() {
        byte[] profile = srgb;
        if (profile == null) {
            profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
            srgb = profile;
        }
        return profile;
    }

    private static String xmp(String title, String subject, String keywords, String producer, Instant created) {
        String when = created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                + "   <pdfaid:part>2</pdfaid:part>\n   <pdfaid:conformance>B</pdfaid:conformance>\n"
                + "  </rdf:Description>\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                + "   <dc:format>application/pdf</dc:format>\n"
                + "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(title) + "</rdf:li></rdf:Alt></dc:title>\n"
                + "   <dc:creator><rdf:Seq><rdf:li>Vellum</rdf:li></rdf:Seq></dc:creator>\n"
                + "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(subject)
                + "</rdf:li></rdf:Alt></dc:description>\n"
                + "  </rdf:Description>\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
                + "   <xmp:CreatorTool>Vellum</xmp:CreatorTool>\n"
                + "   <xmp:CreateDate>" + when + "</xmp:CreateDate>\n"
                + "   <xmp:ModifyDate>" + when + "</xmp:ModifyDate>\n"
                + "  </rdf:Description>\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                + "   <pdf:Producer>" + esc(producer) + "</pdf:Producer>\n"
                + "   <pdf:Keywords>" + esc(keywords) + "</pdf:Keywords>\n"
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
