package dev.vellum.app.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.time.MutableClock;
import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.ers.EvidenceBatch;
import dev.vellum.timestamping.http.HttpTimestampClient;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.trust.TrustAnchors;

import eu.europa.esig.dss.diagnostic.EvidenceRecordWrapper;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/**
 * The data object of an embedded evidence record is the DER encoding of the CMS (ETSI TS 119 122-3,
 * STANDARDS.md §1.2 G), so a record embedded in a BER-encoded (streamed, indefinite-length) CMS, as
 * many mail clients write it, is verified by the validation library and by DSS 6.3 too.
 */
class ErsEmbeddingTest {
    @Test
    void aRecordEmbeddedInABerEncodedSignatureIsVerifiedAsProofOfExistence() throws Exception {
        MutableClock clock = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (TestPki pki = TestPki.builder().clock(clock).tsaKeyType(KeyType.ECDSA_P256).build()) {
            Credential signer = pki.signer(KeyType.ECDSA_P256);
            byte[] ber = streamedCms(signer, "minutes of the 2026 board meeting".getBytes(StandardCharsets.UTF_8));
            assertThat(ber[1]).as("indefinite-length BER").isEqualTo((byte) 0x80);

            ErsEmbedding.Plan plan = ErsEmbedding.plan(ber, Optional.empty());
            assertThat(plan.refusal()).isNull();
            EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
            int number = batch.add(plan.embedding().orElseThrow().digests().get(0));
            byte[] er = batch.seal(HttpTimestampClient.builder(pki.services().tsaUrl()).build()).record(number).encoded();
            byte[] withEr = CadesExtender.builder().build().embedEvidenceRecord(plan.embedding().get().document(), 0, er).cms();

            SignatureValidator validator = SignatureValidator.builder().trustAnchors(TrustAnchors.of(pki.trustAnchors()))
                    .cryptoPolicy(CryptoSuitabilityPolicy.ts119312())
                    .fetchSettings(FetchSettings.builder().allowHost("127.0.0.1").build()).build();
            SignatureReport report = validator.validate(ValidationRequest.of("ber.p7m", withEr).at(clock.instant()))
                    .signatures().get(0);
            assertThat(report.warnings()).noneMatch(w -> w.contains("evidence record"));
            assertThat(report.timestamps()).anyMatch(t -> t.type().equals("EVIDENCE_RECORD"));
            assertThat(report.poes()).anyMatch(p -> p.provenBy().startsWith("evidence record"));

            CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
            pki.trustAnchors().forEach(c -> trusted.addCertificate(new CertificateToken(c)));
            CommonCertificateVerifier verifier = new CommonCertificateVerifier();
            verifier.setTrustedCertSources(trusted);
            verifier.setAIASource(null);
            verifier.setCrlSource(null);
            verifier.setOcspSource(null);
            SignedDocumentValidator dss = SignedDocumentValidator.fromDocument(new InMemoryDocument(withEr));
            dss.setCertificateVerifier(verifier);
            List<EvidenceRecordWrapper> records = dss.validateDocument().getDiagnosticData().getEvidenceRecords();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).getDigestMatchers()).isNotEmpty().allSatisfy(m -> {
                assertThat(m.isDataFound()).as("DSS finds the data of %s", m.getType()).isTrue();
                assertThat(m.isDataIntact()).as("DSS finds the data of %s intact", m.getType()).isTrue();
            });
        }
    }

    private static byte[] streamedCms(Credential signer, byte[] content) throws Exception {
        CMSSignedDataStreamGenerator generator = new CMSSignedDataStreamGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.privateKey()), signer.certificate()));
        generator.addCertificates(new JcaCertStore(signer.chainHolders()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream in = generator.open(out, true)) {
            in.write(content);
        }
        return out.toByteArray();
    }
}
