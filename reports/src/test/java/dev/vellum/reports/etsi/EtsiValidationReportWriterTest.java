package dev.vellum.reports.etsi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.reports.model.ItemReport;
import dev.vellum.reports.support.SampleSignatures;
import dev.vellum.validation.report.ValidationReport;
import eu.europa.esig.validationreport.ValidationReportUtils;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The XML validates against the official TS 119 102-2 XSD as DSS's {@code specs-validation-report}
 * artifact carries it (with its imports: XMLDSig, XAdES, TS 119 612), and says what the validation said.
 */
class EtsiValidationReportWriterTest {
    private static final Schema XSD = schema();

    private static Schema schema() {
        try {
            return ValidationReportUtils.getInstance().getSchema();
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException("cannot load the TS 119 102-2 XSD from specs-validation-report", e);
        }
    }

    private static void assertSchemaValid(byte[] xml) throws Exception {
        Validator validator = XSD.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    private static Document dom(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<String> texts(Document doc, String localName) {
        NodeList nodes = doc.getElementsByTagNameNS(EtsiValidationReportWriter.NS, localName);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent()).toList();
    }

    @Test
    void everySampleValidatesAgainstTheEtsiSchema() throws Exception {
        for (ItemReport item : SampleSignatures.get().all()) {
            byte[] xml = new EtsiValidationReportWriter("Vellum test").write(item.validation());
            assertSchemaValid(xml);
            assertThat(new String(xml, StandardCharsets.UTF_8)).contains("xmlns:vr=\"http://uri.etsi.org/19102/v1.4.1#\"");
        }
    }

    @Test
    void theLtaReportCarriesStatusTimesObjectsAndPoes() throws Exception {
        ValidationReport report = SampleSignatures.get().validLta().validation();
        Document doc = dom(new EtsiValidationReportWriter().write(report));
        XPath xp = XPathFactory.newInstance().newXPath();
        xp.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            public String getNamespaceURI(String p) { return p.equals("vr") ? EtsiValidationReportWriter.NS : null; }
            public String getPrefix(String u) { return null; }
            public java.util.Iterator<String> getPrefixes(String u) { return null; }
        });
        assertThat(xp.evaluate("/vr:ValidationReport/vr:SignatureValidationReport/vr:SignatureValidationStatus/vr:MainIndication", doc))
                .isEqualTo("urn:etsi:019102:mainindication:total-passed");
        assertThat(xp.evaluate("//vr:SignatureValidationProcess/vr:SignatureValidationProcessID", doc))
                .isEqualTo("urn:etsi:019102:validationprocess:LTA");
        assertThat(xp.evaluate("//vr:ValidationTimeInfo/vr:ValidationTime", doc)).isEqualTo(SampleSignatures.VALIDATED.toString());
        assertThat(Instant.parse(xp.evaluate("//vr:ValidationTimeInfo/vr:BestSignatureTime/vr:POETime", doc)))
                .isBefore(SampleSignatures.LTA_UPGRADE);
        assertThat(xp.evaluate("//vr:SignerInformation/vr:Signer", doc)).isEqualTo(SampleSignatures.SIGNER_NAME);
        assertThat(texts(doc, "ObjectType")).contains("urn:etsi:019102:validationObject:certificate",
                "urn:etsi:019102:validationObject:timestamp");
        assertThat(texts(doc, "ObjectType")).anyMatch(t -> t.endsWith(":CRL") || t.endsWith(":OCSPResponse"));
        // every archive time-stamp is an attribute with its genTime, and a validation object with its own status
        long archive = report.signatures().get(0).timestamps().stream().filter(t -> t.type().equals("ARCHIVE")).count();
        assertThat(((NodeList) xp.evaluate("//vr:SignatureAttributes/vr:ArchiveTimeStamp", doc, XPathConstants.NODESET))
                .getLength()).isEqualTo((int) archive).isGreaterThanOrEqualTo(2);
        assertThat(((NodeList) xp.evaluate("//vr:ValidationObject/vr:ValidationReport", doc, XPathConstants.NODESET))
                .getLength()).isGreaterThanOrEqualTo(3);
        assertThat(texts(doc, "TypeOfProof")).contains("urn:etsi:019102:poetype:validation");
        assertThat(texts(doc, "ValidationConstraintIdentifier")).isNotEmpty().allMatch(u -> u.startsWith("urn:vellum:constraint:"));
    }

    @Test
    void aRevokedSignerShowsTheRevocation() throws Exception {
        Document doc = dom(new EtsiValidationReportWriter().write(SampleSignatures.get().revoked().validation()));
        assertThat(texts(doc, "SubIndication")).contains("urn:etsi:019102:subindication:REVOKED_NO_POE");
        assertThat(texts(doc, "RevocationReason")).contains("urn:etsi:019102:revocationReason:keyCompromise");
        assertThat(texts(doc, "RevocationTime")).isNotEmpty();
    }

    @Test
    void aTamperedMessageShowsTheHashFailure() throws Exception {
        Document doc = dom(new EtsiValidationReportWriter().write(SampleSignatures.get().tampered().validation()));
        assertThat(texts(doc, "MainIndication")).contains("urn:etsi:019102:mainindication:total-failed");
        assertThat(texts(doc, "SubIndication")).contains("urn:etsi:019102:subindication:HASH_FAILURE");
    }

    @Test
    void anEvidenceRecordIsAValidationObjectOfItsOwnType() throws Exception {
        ValidationReport r = SampleSignatures.get().validLta().validation();
        byte[] record = {0x30, 0x03, 0x02, 0x01, 0x01}; // the DER is carried as it is, not interpreted
        String id = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(record));
        List<dev.vellum.validation.report.ValidationObject> objects = new java.util.ArrayList<>(r.objects());
        objects.add(new dev.vellum.validation.report.ValidationObject(id,
                dev.vellum.validation.report.ValidationObject.Type.EVIDENCE_RECORD, record,
                dev.vellum.validation.data.Origin.SUPPLIED, SampleSignatures.LTA_UPGRADE));
        ValidationReport withRecord = new ValidationReport(r.document(), r.validationTime(), r.producedAt(), r.policy(),
                r.signatures(), objects, r.errors());

        byte[] xml = new EtsiValidationReportWriter().write(withRecord);
        assertSchemaValid(xml);
        assertThat(texts(dom(xml), "ObjectType")).contains("urn:etsi:019102:validationObject:evidencerecord");
        assertThat(texts(dom(xml), "base64")).contains(java.util.Base64.getEncoder().encodeToString(record));
    }

    @Test
    void aFileWithoutSignaturesIsStillAValidReport() throws Exception {
        ValidationReport r = SampleSignatures.get().tampered().validation();
        ValidationReport empty = new ValidationReport(r.document(), r.validationTime(), r.producedAt(), r.policy(),
                List.of(), List.of(), List.of("not a CMS or S/MIME file"));
        byte[] xml = new EtsiValidationReportWriter().write(empty);
        assertSchemaValid(xml);
        assertThat(texts(dom(xml), "SubIndication")).containsExactly("urn:etsi:019102:subindication:FORMAT_FAILURE");
    }
}
