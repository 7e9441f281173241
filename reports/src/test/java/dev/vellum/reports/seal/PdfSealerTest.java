package dev.vellum.reports.seal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.formats.create.SigningKey;
import dev.vellum.reports.pdf.PdfReportWriter;
import dev.vellum.reports.support.SampleSignatures;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.timestamping.http.HttpTimestampClient;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.time.Clock;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;

/** A sealed report is PAdES-BASELINE-T for DSS, keeps its original bytes, and stays PDF/A-2b. */
class PdfSealerTest {
    static final TestPki PKI = TestPki.shared();

    @Test
    void dssAcceptsTheSealAsPadesBaselineT() throws Exception {
        byte[] report = new PdfReportWriter(Clock.systemUTC()).item(SampleSignatures.get().tampered());
        Credential archive = PKI.signer(KeyType.ECDSA_P256);
        byte[] sealed = PdfSealer.of(SigningKey.of(archive.privateKey(), archive.chain()),
                HttpTimestampClient.builder(PKI.services().tsaUrl()).build(), Clock.systemUTC()).seal(report);

        assertThat(Arrays.copyOf(sealed, report.length)).as("incremental: the report bytes are untouched").isEqualTo(report);
        try (PDDocument doc = Loader.loadPDF(sealed)) {
            PDSignature signature = doc.getLastSignatureDictionary();
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(signature.getSignDate()).isNotNull();
            byte[] contents = signature.getContents();
            assertThat(new org.bouncycastle.cms.CMSSignedData(contents).getSignedContent()).as("detached").isNull();
        }

        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        PKI.trustAnchors().forEach(a -> trusted.addCertificate(new CertificateToken(a)));
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(new eu.europa.esig.dss.service.crl.OnlineCRLSource());
        verifier.setOcspSource(new eu.europa.esig.dss.service.ocsp.OnlineOCSPSource());
        verifier.setAIASource(null);
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(sealed));
        validator.setCertificateVerifier(verifier);
        Reports reports = validator.validateDocument();
        SimpleReport simple = reports.getSimpleReport();
        String id = simple.getFirstSignatureId();
        assertThat(simple.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
        assertThat(simple.getIndication(id)).as("%s %s", simple.getSubIndication(id), simple.getAdESValidationErrors(id).stream().map(m -> m.getKey() + ": " + m.getValue()).toList())
                .isEqualTo(Indication.TOTAL_PASSED);
        assertThat(dev.vellum.reports.pdf.PdfAHolder.violations(sealed)).isEmpty();
    }
}
