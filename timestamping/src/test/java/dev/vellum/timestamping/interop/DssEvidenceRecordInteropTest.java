package dev.vellum.timestamping.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.time.MutableClock;
import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.timestamping.TimestampSource;
import dev.vellum.timestamping.http.HttpTimestampClient;
import dev.vellum.timestamping.verify.TokenVerifier;
import dev.vellum.timestamping.ers.DataObject;
import dev.vellum.timestamping.ers.EvidenceBatch;
import dev.vellum.timestamping.ers.EvidenceRecord;
import dev.vellum.timestamping.ers.EvidenceRecords;
import dev.vellum.timestamping.ers.HashTreeRenewal;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.EvidenceRecordWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.evidencerecord.asn1.validation.ASN1EvidenceRecordValidator;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.reports.Reports;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DSS 6.3's evidence-record validation accepts the records we make, for detached documents. */
class DssEvidenceRecordInteropTest {
    private static MutableClock clock;
    private static TestPki pki;
    private static TimestampSource tsa;

    @BeforeAll
    static void startPki() {
        clock = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        pki = TestPki.builder().clock(clock).label("dss-er-interop").build();
        tsa = HttpTimestampClient.builder(pki.services().tsaUrl())
                .verifier(TokenVerifier.builder().clock(clock).build()).build();
    }

    @AfterAll
    static void stopPki() {
        pki.close();
    }

    /** DSS with the test PKI's root as trust anchor, fetching CRLs and OCSP answers from its live services. */
    private static Reports validateWithDss(EvidenceRecord record, List<byte[]> documents) {
        ASN1EvidenceRecordValidator validator = new ASN1EvidenceRecordValidator(new InMemoryDocument(record.encoded(), "item.ers"));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(pki.root().certificate()));
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(new OnlineCRLSource());
        verifier.setOcspSource(new OnlineOCSPSource());
        verifier.setAIASource(new DefaultAIASource());
        validator.setCertificateVerifier(verifier);
        validator.setValidationTime(Date.from(clock.instant()));
        List<DSSDocument> detached = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            detached.add(new InMemoryDocument(documents.get(i), "document-" + i + ".eml"));
        }
        validator.setDetachedContents(detached);
        return validator.validateDocument();
    }

    private static void assertAccepted(Reports reports, int timestamps) {
        DiagnosticData diagnostic = reports.getDiagnosticData();
        List<EvidenceRecordWrapper> records = diagnostic.getEvidenceRecords();
        assertThat(records).hasSize(1);
        EvidenceRecordWrapper er = records.get(0);
        assertThat(er.isStructuralValidationValid()).as("%s", er.getStructuralValidationMessages()).isTrue();
        assertThat(er.getDigestMatchers()).isNotEmpty();
        for (XmlDigestMatcher m : er.getDigestMatchers()) {
            assertThat(m.isDataFound()).as("digest matcher %s found", m.getType()).isTrue();
            assertThat(m.isDataIntact()).as("digest matcher %s intact", m.getType()).isTrue();
        }
        assertThat(er.getTimestampList()).hasSize(timestamps);
        for (TimestampWrapper ts : er.getTimestampList()) {
            assertThat(ts.isMessageImprintDataFound()).isTrue();
            assertThat(ts.isMessageImprintDataIntact()).isTrue();
            assertThat(ts.isSignatureValid()).isTrue();
        }
        String id = reports.getSimpleReport().getFirstEvidenceRecordId();
        var simple = reports.getSimpleReport().getEvidenceRecordById(id);
        assertThat(simple.getIndication())
                .as("DSS's evidence record indication (%s, %s)", simple.getSubIndication(),
                        reports.getSimpleReport().getAdESValidationErrors(id).stream().map(m -> m.getValue()).toList())
                .isEqualTo(Indication.PASSED);
    }

    @Test
    void dssAcceptsOurRecordsThroughTimeStampAndHashTreeRenewals() {
        List<byte[]> documents = new ArrayList<>();
        EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
        for (int i = 0; i < 5; i++) {
            byte[] doc = ("Subject: archived message " + i + "\r\n\r\nbody " + i).getBytes(StandardCharsets.US_ASCII);
            documents.add(doc);
            batch.addContent(doc);
        }
        List<EvidenceRecord> records = batch.seal(tsa).records();
        assertAccepted(validateWithDss(records.get(2), List.of(documents.get(2))), 1);

        clock.advance(Duration.ofDays(3));
        records = EvidenceRecords.renewTimeStamps(records, tsa);
        clock.advance(Duration.ofDays(3));
        records = EvidenceRecords.renewTimeStamps(records, tsa);
        assertAccepted(validateWithDss(records.get(2), List.of(documents.get(2))), 3);

        clock.advance(Duration.ofDays(3));
        List<HashTreeRenewal> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(new HashTreeRenewal(records.get(i), List.of(DataObject.of(documents.get(i)))));
        }
        records = EvidenceRecords.renewHashTrees(items, DigestAlgorithm.SHA512, tsa);
        clock.advance(Duration.ofDays(3));
        records = EvidenceRecords.renewTimeStamps(records, tsa);
        assertAccepted(validateWithDss(records.get(4), List.of(documents.get(4))), 5);
    }

    @Test
    void dssSeesAChangedDocument() {
        EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
        batch.addContent("original".getBytes(StandardCharsets.US_ASCII));
        batch.addContent("neighbour".getBytes(StandardCharsets.US_ASCII));
        EvidenceRecord record = batch.seal(tsa).record(0);
        Reports reports = validateWithDss(record, List.of("tampered".getBytes(StandardCharsets.US_ASCII)));
        EvidenceRecordWrapper er = reports.getDiagnosticData().getEvidenceRecords().get(0);
        assertThat(er.getDigestMatchers()).anySatisfy(m -> assertThat(m.isDataIntact()).isFalse());
        String id = reports.getSimpleReport().getFirstEvidenceRecordId();
        assertThat(reports.getSimpleReport().getEvidenceRecordById(id).getIndication()).isNotEqualTo(Indication.PASSED);
    }

    @Test
    void dssAcceptsADataGroupRecordWithAllItsDocuments() {
        List<byte[]> group = List.of("message".getBytes(StandardCharsets.US_ASCII),
                "attachment-1".getBytes(StandardCharsets.US_ASCII), "attachment-2".getBytes(StandardCharsets.US_ASCII));
        EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
        batch.addContent("someone else".getBytes(StandardCharsets.US_ASCII));
        batch.addGroup(group.stream().map(DigestAlgorithm.SHA256::digest).toList());
        batch.addContent("a third item".getBytes(StandardCharsets.US_ASCII));
        EvidenceRecord record = batch.seal(tsa).record(1);
        assertAccepted(validateWithDss(record, group), 1);
    }
}
