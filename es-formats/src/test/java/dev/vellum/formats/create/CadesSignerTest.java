package dev.vellum.formats.create;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.ValidationData;
import dev.vellum.formats.ValidationDataSource;
import dev.vellum.formats.attribute.CommitmentTypeIndication;
import dev.vellum.formats.attribute.SignerLocation;
import dev.vellum.formats.level.BaselineLevel;
import dev.vellum.formats.level.LegacyForm;
import dev.vellum.formats.support.Dss;
import dev.vellum.formats.support.Pki;
import dev.vellum.formats.timestamp.TimestampKind;
import dev.vellum.testkit.pki.KeyType;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CadesSignerTest {
    private static final byte[] CONTENT = "Minutes of the records committee, 2026-11-27\n".getBytes(StandardCharsets.UTF_8);

    static ValidationData revocationFor(CadesSignature s) {
        return Pki.validationData().validationData(new ValidationDataSource.Request(
                List.of(s.signingCertificate().orElseThrow()), s.knownCertificates(), Instant.now()));
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"RSA_2048", "RSA_PSS", "ECDSA_P256", "ED25519"})
    void detachedBaselineBIsReadBackAndDssPassesIt(KeyType type) {
        CadesSigner signer = CadesSigner.builder(Pki.key(type)).rsaPss(type == KeyType.RSA_PSS).build();
        byte[] p7s = signer.signDetached(SignedContent.of(CONTENT));

        SignedDocument doc = new SignedDocumentReader().readDetached(p7s, SignedContent.of(CONTENT));
        CadesSignature s = doc.signatures().get(0);
        assertThat(s.cryptographicallyIntact()).as(s.signatureValueCheck().detail()).isTrue();
        assertThat(s.signingCertificateReferenceCheck().passed()).isTrue();
        assertThat(s.level().baseline()).as(s.level().notes().toString()).isEqualTo(BaselineLevel.B_B);
        assertThat(s.signedAttributes().algorithmProtection()).isPresent();

        List<Dss.Verdict> dss = Dss.validate(p7s, Optional.of(CONTENT), Pki.root(), revocationFor(s));
        assertThat(dss).hasSize(1);
        assertThat(dss.get(0).format()).isEqualTo(SignatureLevel.CAdES_BASELINE_B);
        assertThat(dss.get(0).indication()).as(dss.get(0).toString()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void withoutSigningTimeForPadesTheCmsStillVerifies() {
        byte[] p7s = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).signingTimeAttribute(false).build()
                .signDetached(SignedContent.of(CONTENT));
        CadesSignature s = new SignedDocumentReader().readDetached(p7s, SignedContent.of(CONTENT)).signatures().get(0);
        assertThat(s.signedAttributes().signingTime()).isEmpty();
        assertThat(s.signedAttributes().signingCertificateV2()).isNotEmpty();
        assertThat(s.cryptographicallyIntact()).as(s.signatureValueCheck().detail()).isTrue();
    }

    @Test
    void sha1SignaturesCarrySigningCertificateV1AndOthersV2() {
        CadesSignature sha1 = new SignedDocumentReader().read(CadesSigner.builder(Pki.key(KeyType.ECDSA_P256))
                .digestAlgorithm(dev.vellum.timestamping.DigestAlgorithm.SHA1).build().signEnveloping(SignedContent.of(CONTENT)))
                .signatures().get(0);
        assertThat(sha1.signedAttributes().signingCertificateV1()).hasSize(1);
        assertThat(sha1.signedAttributes().signingCertificateV2()).isEmpty();
        assertThat(sha1.signingCertificateReferenceCheck().passed()).isTrue();
        CadesSignature sha384 = new SignedDocumentReader().read(CadesSigner.builder(Pki.key(KeyType.ECDSA_P256))
                .digestAlgorithm(dev.vellum.timestamping.DigestAlgorithm.SHA384).build().signEnveloping(SignedContent.of(CONTENT)))
                .signatures().get(0);
        assertThat(sha384.signedAttributes().signingCertificateV2()).singleElement()
                .satisfies(r -> assertThat(r.hashAlgorithmOid()).isEqualTo(dev.vellum.timestamping.DigestAlgorithm.SHA384.oid()));
        assertThat(sha384.cryptographicallyIntact()).isTrue();
    }

    @Test
    void envelopingWithCommitmentLocationAndContentTimestamp() {
        CadesSigner signer = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256))
                .commitmentType(CommitmentTypeIndication.PROOF_OF_ORIGIN)
                .signerLocation(new SignerLocation(Optional.of("DE"), Optional.of("Berlin"), List.of("Archivstr. 1")))
                .mimeType("text/plain")
                .contentTimestamp(Pki.tsa())
                .build();
        byte[] p7m = signer.signEnveloping(SignedContent.of(CONTENT));
        CadesSignature s = new SignedDocumentReader().read(p7m).signatures().get(0);
        assertThat(s.cryptographicallyIntact()).isTrue();
        assertThat(s.signedAttributes().commitmentTypes()).extracting(CommitmentTypeIndication::commitmentTypeOid)
                .containsExactly(CommitmentTypeIndication.PROOF_OF_ORIGIN);
        assertThat(s.signedAttributes().signerLocation().orElseThrow().localityName()).contains("Berlin");
        assertThat(s.signedAttributes().mimeType()).contains("text/plain");
        assertThat(s.timestamps(TimestampKind.CONTENT)).hasSize(1);
        assertThat(s.timestamps(TimestampKind.CONTENT).get(0).imprintCheck().passed()).isTrue();

        List<Dss.Verdict> dss = Dss.validate(p7m, Optional.empty(), Pki.root(), revocationFor(s));
        assertThat(dss.get(0).indication()).as(dss.get(0).toString()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void smimeMultipartSignedVerifiesAfterReading() {
        byte[] entity = "Content-Type: text/plain; charset=utf-8\n\nHello archive\nsecond line\n".getBytes(StandardCharsets.UTF_8);
        byte[] eml = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build()
                .signSmime(entity, new SmimeMessageWriter.Headers(java.util.Map.of("Subject", "signed", "From", "a@example.test")));
        SignedDocument doc = new SignedDocumentReader().read(eml);
        assertThat(doc.containerType()).isEqualTo(dev.vellum.formats.ContainerType.SMIME_MULTIPART_SIGNED);
        assertThat(doc.signatures().get(0).cryptographicallyIntact()).isTrue();
        assertThat(new String(eml, StandardCharsets.US_ASCII)).contains("micalg=sha-256").contains("Subject: signed");
    }

    @Test
    void archiveSealCountersignsWithoutTouchingTheOriginal() {
        byte[] p7s = CadesSigner.builder(Pki.key(KeyType.RSA_2048)).build().signDetached(SignedContent.of(CONTENT));
        SignedDocument doc = new SignedDocumentReader().readDetached(p7s, SignedContent.of(CONTENT));
        byte[] sealed = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256))
                .commitmentType(CommitmentTypeIndication.PROOF_OF_RECEIPT).build()
                .counterSign(doc, doc.signatures().get(0));
        SignedDocument after = new SignedDocumentReader().readDetached(sealed, SignedContent.of(CONTENT));
        CadesSignature original = after.signatures().get(0);
        assertThat(original.rawSignerInfo().signedFieldsEncoded())
                .isEqualTo(doc.signatures().get(0).rawSignerInfo().signedFieldsEncoded());
        assertThat(original.cryptographicallyIntact()).isTrue();
        CadesSignature seal = original.counterSignatures().get(0);
        assertThat(seal.cryptographicallyIntact()).as(seal.messageDigestCheck().detail()).isTrue();
        assertThat(seal.signedAttributes().contentType()).isEmpty();
        assertThat(seal.level().legacyForm()).contains(LegacyForm.BES);

        List<Dss.Verdict> dss = Dss.validate(sealed, Optional.of(CONTENT), Pki.root(), revocationFor(original)
                .plus(revocationFor(seal)));
        assertThat(dss).hasSize(2);
        assertThat(dss).allSatisfy(v -> assertThat(v.indication()).as(v.toString()).isEqualTo(Indication.TOTAL_PASSED));
    }
}
