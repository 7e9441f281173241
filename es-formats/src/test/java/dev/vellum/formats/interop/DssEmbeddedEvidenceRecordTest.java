package dev.vellum.formats.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtendedDocument;
import dev.vellum.formats.support.Pki;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.ers.EvidenceBatch;
import dev.vellum.timestamping.ers.EvidenceRecord;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.EvidenceRecordWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An RFC 4998 evidence record that we embed as the TS 119 122-3 internal-evidence-records attribute
 * is found by DSS 6.3 in the signature and its hash tree leads DSS, too, to the signed data.
 */
class DssEmbeddedEvidenceRecordTest {
    private static final byte[] CONTENT = "Deed of gift, archive accession 2026/113\n".getBytes(StandardCharsets.UTF_8);

    private static Reports dss(byte[] cms, Optional<byte[]> detached) {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(Pki.root()));
        CommonCertificateVerifier cv = new CommonCertificateVerifier();
        cv.setTrustedCertSources(trusted);
        cv.setAIASource(null);
        cv.setCrlSource(null);
        cv.setOcspSource(null);
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(cms));
        validator.setCertificateVerifier(cv);
        detached.ifPresent(c -> validator.setDetachedContents(List.of(new InMemoryDocument(c))));
        return validator.validateDocument();
    }

    private static void assertDssAccepts(DiagnosticData diagnostic) {
        assertThat(diagnostic.getSignatures()).hasSize(1);
        List<EvidenceRecordWrapper> records = diagnostic.getEvidenceRecords();
        assertThat(records).hasSize(1);
        EvidenceRecordWrapper record = records.get(0);
        assertThat(record.isStructuralValidationValid()).as("%s", record.getStructuralValidationMessages()).isTrue();
        assertThat(record.getDigestMatchers()).isNotEmpty();
        for (XmlDigestMatcher m : record.getDigestMatchers()) {
            assertThat(m.isDataFound()).as("DSS finds the data of digest matcher %s", m.getType()).isTrue();
            assertThat(m.isDataIntact()).as("DSS finds the data of digest matcher %s intact", m.getType()).isTrue();
        }
        assertThat(record.getTimestampList()).hasSize(1);
        for (TimestampWrapper ts : record.getTimestampList()) {
            assertThat(ts.isMessageImprintDataFound()).isTrue();
            assertThat(ts.isMessageImprintDataIntact()).isTrue();
            assertThat(ts.isSignatureValid()).isTrue();
        }
    }

    /** Detached CMS: the record's data group covers the CMS and the detached document (TS 119 122-3, STANDARDS.md §1.2 G). */
    @Test
    void dssAcceptsAnExternalRecordOfADetachedSignatureCoveringTheCmsAndTheDocument() {
        byte[] cms = CadesSigner.builder(Pki.key(KeyType.RSA_2048)).build().signDetached(SignedContent.of(CONTENT));
        SignedDocument doc = new SignedDocumentReader().readDetached(cms, SignedContent.of(CONTENT));
        EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
        batch.addGroup(List.of(DigestAlgorithm.SHA256.digest(CadesExtender.evidenceRecordInput(doc)), DigestAlgorithm.SHA256.digest(CONTENT)));
        EvidenceRecord er = batch.seal(Pki.tsa()).record(0);
        ExtendedDocument withEr = CadesExtender.builder().build().embedEvidenceRecord(doc, 0, er.encoded());
        CadesSignature ours = new SignedDocumentReader().readDetached(withEr.cms(), SignedContent.of(CONTENT)).signatures().get(0);
        assertThat(ours.unsignedAttributes().evidenceRecords()).singleElement().satisfies(e -> assertThat(e.internal()).isFalse());

        assertDssAccepts(dss(withEr.cms(), Optional.of(CONTENT)).getDiagnosticData());
    }

    @Test
    void dssFindsTheEmbeddedRecordWithItsDataAndTimeStampIntact() {
        byte[] cms = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build().signEnveloping(SignedContent.of(CONTENT));
        SignedDocument doc = new SignedDocumentReader().read(cms);
        EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
        batch.addContent(CadesExtender.evidenceRecordInput(doc));
        EvidenceRecord er = batch.seal(Pki.tsa()).record(0);
        ExtendedDocument withEr = CadesExtender.builder().build().embedEvidenceRecord(doc, 0, er.encoded());
        CadesSignature ours = new SignedDocumentReader().read(withEr.cms()).signatures().get(0);
        assertThat(ours.unsignedAttributes().evidenceRecords()).singleElement().satisfies(e -> assertThat(e.internal()).isTrue());

        assertDssAccepts(dss(withEr.cms(), Optional.empty()).getDiagnosticData());
    }
}
