package dev.vellum.validation.poe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.create.SigningKey;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.RevocationReason;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.time.MutableClock;
import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.ers.EvidenceBatch;
import dev.vellum.timestamping.http.HttpTimestampClient;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.trust.TrustAnchors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * An RFC 4998 evidence record embedded in the signature (TS 119 122-3 internal-evidence-records)
 * proves the signature existed before its signer was revoked.
 */
class EmbeddedEvidenceRecordTest {

    @Test
    void anEmbeddedEvidenceRecordIsAProofOfExistence() throws Exception {
        MutableClock clock = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (TestPki pki = TestPki.builder().clock(clock).tsaKeyType(KeyType.ECDSA_P256).build()) {
            Credential signer = pki.signer(KeyType.ECDSA_P256);
            byte[] cms = CadesSigner.builder(SigningKey.of(signer.privateKey(), signer.chain())).build()
                    .signEnveloping(SignedContent.of("board resolution".getBytes(StandardCharsets.UTF_8)));
            SignedDocument doc = new SignedDocumentReader().read(cms);
            EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
            batch.addContent(CadesExtender.evidenceRecordInput(doc));
            byte[] er = batch.seal(HttpTimestampClient.builder(pki.services().tsaUrl()).build()).record(0).encoded();
            byte[] withEr = CadesExtender.builder().build().embedEvidenceRecord(doc, 0, er).cms();
            Instant t0 = clock.instant();
            pki.revoke(signer, t0.plus(Duration.ofMinutes(30)), RevocationReason.KEY_COMPROMISE);
            clock.set(t0.plus(Duration.ofHours(1)));

            SignatureValidator v = SignatureValidator.builder().trustAnchors(TrustAnchors.of(pki.trustAnchors()))
                    .cryptoPolicy(CryptoSuitabilityPolicy.ts119312())
                    .fetchSettings(FetchSettings.builder().allowHost("127.0.0.1").build()).build();
            SignatureReport bare = v.validate(ValidationRequest.of("b.p7m", cms).at(clock.instant())).signatures().get(0);
            assertThat(bare.subIndication()).isEqualTo(SubIndication.REVOKED_NO_POE);

            SignatureReport proven = v.validate(ValidationRequest.of("er.p7m", withEr).at(clock.instant())).signatures().get(0);
            assertThat(proven.indication()).as("%s %s", proven.errors(), proven.warnings()).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(proven.bestSignatureTime()).isBefore(t0.plus(Duration.ofMinutes(30)));
            assertThat(proven.timestamps()).anyMatch(t -> t.type().equals("EVIDENCE_RECORD"));
            assertThat(proven.poes()).anyMatch(p -> p.provenBy().startsWith("evidence record"));
        }
    }
}
