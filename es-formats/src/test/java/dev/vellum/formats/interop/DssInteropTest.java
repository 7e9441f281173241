package dev.vellum.formats.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.ValidationData;
import dev.vellum.formats.ValidationDataSource;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.formats.level.BaselineLevel;
import dev.vellum.formats.level.LegacyForm;
import dev.vellum.formats.support.Dss;
import dev.vellum.formats.support.DssSigner;
import dev.vellum.formats.support.Pki;
import dev.vellum.formats.timestamp.EmbeddedTimestamp;
import dev.vellum.formats.timestamp.Imprints;
import dev.vellum.formats.timestamp.TimestampKind;
import dev.vellum.policy.RegisteredPolicy;
import dev.vellum.testkit.pki.KeyType;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DssInteropTest {
    private static final byte[] CONTENT = "Quarterly retention report\n".getBytes(StandardCharsets.UTF_8);
    private static ValidationData revocation;

    @BeforeAll
    static void fetchRevocationData() {
        var signer = Pki.pki().signer(KeyType.ECDSA_P256);
        revocation = Pki.validationData().validationData(new ValidationDataSource.Request(
                List.of(signer.certificate(), Pki.pki().tsa().certificate()), List.of(), Instant.now()));
    }

    private static SignedDocument read(byte[] cms) {
        return new SignedDocumentReader().readDetached(cms, SignedContent.of(CONTENT));
    }

    @ParameterizedTest
    @CsvSource({"CAdES_BASELINE_B,B_B", "CAdES_BASELINE_T,B_T", "CAdES_BASELINE_LT,B_LT", "CAdES_BASELINE_LTA,B_LTA"})
    void weReadDssMadeSignaturesAtTheSameLevel(SignatureLevel dssLevel, BaselineLevel expected) {
        byte[] cms = DssSigner.sign(Pki.pki().signer(KeyType.ECDSA_P256), CONTENT, dssLevel, revocation);
        CadesSignature s = read(cms).signatures().get(0);
        assertThat(s.cryptographicallyIntact()).isTrue();
        assertThat(s.level().baseline()).as(s.level().notes().toString()).isEqualTo(expected);
        for (EmbeddedTimestamp t : s.timestamps()) {
            assertThat(t.imprintCheck().passed()).as(t.label() + ": " + t.imprintCheck().detail()).isTrue();
        }
    }

    @Test
    void ourAtsV3ImprintEqualsTheImprintInDssMadeArchiveTimestamps() {
        byte[] cms = DssSigner.sign(Pki.pki().signer(KeyType.ECDSA_P256), CONTENT, SignatureLevel.CAdES_BASELINE_LTA, revocation);
        cms = DssSigner.extend(cms, CONTENT, SignatureLevel.CAdES_BASELINE_LTA, revocation); // a second DSS ATSv3
        SignedDocument doc = read(cms);
        CadesSignature s = doc.signatures().get(0);
        List<EmbeddedTimestamp> archives = s.timestamps(TimestampKind.ARCHIVE_V3);
        assertThat(archives).hasSize(2);
        for (EmbeddedTimestamp ats : archives) {
            byte[] ours = Imprints.archiveV3(ats.imprintAlgorithmOid(), doc.parts(), doc.content().orElseThrow(),
                    s.rawSignerInfo(), ats.hashIndex().orElseThrow().encodedValue());
            assertThat(ours).isEqualTo(ats.token().getTimeStampInfo().getMessageImprintDigest());
            assertThat(ats.hashIndexCheck().passed()).as(ats.hashIndexCheck().detail()).isTrue();
        }
    }

    @Test
    void weExtendADssLtaOnceMoreAndDssStillPassesIt() {
        byte[] dssLta = DssSigner.sign(Pki.pki().signer(KeyType.RSA_2048), CONTENT, SignatureLevel.CAdES_BASELINE_LTA,
                Pki.validationData().validationData(new ValidationDataSource.Request(
                        List.of(Pki.pki().signer(KeyType.RSA_2048).certificate(), Pki.pki().tsa().certificate()),
                        List.of(), Instant.now())));
        SignedDocument before = read(dssLta);
        byte[] ours = CadesExtender.builder().timestampSource(Pki.tsa()).validationDataSource(Pki.validationData()).build()
                .extend(before, ExtensionTarget.LTA).cms();
        SignedDocument after = read(ours);
        assertThat(after.signatures().get(0).timestamps(TimestampKind.ARCHIVE_V3)).hasSize(2);
        assertThat(after.signatures().get(0).rawSignerInfo().signedFieldsEncoded())
                .isEqualTo(before.signatures().get(0).rawSignerInfo().signedFieldsEncoded());
        Dss.Verdict v = Dss.validate(ours, Optional.of(CONTENT), Pki.root(), ValidationData.EMPTY).get(0);
        assertThat(v.format()).isEqualTo(SignatureLevel.CAdES_BASELINE_LTA);
        assertThat(v.indication()).as(v.toString()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void epesNamesARegistryPolicyThatDssFindsWithAMatchingHash() throws Exception {
        Path der = Path.of("../signature-policy/examples/records-archive-seal-policy.der");
        assumeTrue(Files.exists(der), "example policy not found at " + der.toAbsolutePath());
        byte[] policyDer = Files.readAllBytes(der);
        RegisteredPolicy policy = RegisteredPolicy.fromDer(policyDer, List.of(), null, der.toString());
        byte[] cms = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).policy(policy).build().signDetached(SignedContent.of(CONTENT));
        CadesSignature s = read(cms).signatures().get(0);
        assertThat(s.level().legacyForm()).contains(LegacyForm.EPES);
        assertThat(s.level().baseline()).isEqualTo(BaselineLevel.B_B);
        assertThat(s.signedAttributes().signaturePolicy().orElseThrow().policyOid()).contains(policy.oid());

        Dss.Verdict v = Dss.validate(cms, Optional.of(CONTENT), Pki.root(), revocation, Map.of(policy.oid(), policyDer)).get(0);
        assertThat(v.policyIdentified()).as(v.toString()).isTrue();
        assertThat(v.policyDigestValid()).as(v.toString()).isTrue();

        // the archive seal: an EPES countersignature under the records-archive seal policy over a third party's signature
        byte[] third = CadesSigner.builder(Pki.key(KeyType.RSA_2048)).build().signDetached(SignedContent.of(CONTENT));
        SignedDocument received = read(third);
        byte[] sealed = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).policy(policy)
                .commitmentType(dev.vellum.formats.attribute.CommitmentTypeIndication.PROOF_OF_RECEIPT).build()
                .counterSign(received, received.signatures().get(0));
        CadesSignature seal = read(sealed).signatures().get(0).counterSignatures().get(0);
        assertThat(seal.level().legacyForm()).contains(LegacyForm.EPES);
        ValidationData both = revocation.plus(Pki.validationData().validationData(new ValidationDataSource.Request(
                List.of(Pki.pki().signer(KeyType.RSA_2048).certificate()), List.of(), Instant.now())));
        List<Dss.Verdict> verdicts = Dss.validate(sealed, Optional.of(CONTENT), Pki.root(), both, Map.of(policy.oid(), policyDer));
        assertThat(verdicts).hasSize(2).allSatisfy(x -> assertThat(x.indication()).as(x.toString()).isEqualTo(Indication.TOTAL_PASSED));
        assertThat(verdicts).anySatisfy(x -> {
            assertThat(x.policyIdentified()).isTrue();
            assertThat(x.policyDigestValid()).isTrue();
        });
    }
}
