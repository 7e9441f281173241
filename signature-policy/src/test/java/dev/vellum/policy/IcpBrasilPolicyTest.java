package dev.vellum.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.policy.model.CertInfoReq;
import dev.vellum.policy.model.CertRefReq;
import dev.vellum.policy.model.EnuRevReq;
import dev.vellum.policy.model.IssuerName;
import dev.vellum.policy.model.SignaturePolicy;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A real, published ASN.1 policy (ICP-Brasil AD-RB v2.1): hash vector, lossless codec, quirks. */
class IcpBrasilPolicyTest {
    private final byte[] der = Fixtures.icpBrasilAdRb21();

    @Test
    void reproducesThePublishedPolicyHashNotTheFileHash() {
        assertThat(PolicyHasher.asn1PolicyHash(der, HashAlgorithm.SHA256).hex())
                .isEqualTo(Fixtures.ICP_BRASIL_AD_RB_21_HASH);
        assertThat(PolicyHasher.documentHash(der, HashAlgorithm.SHA256).hex())
                .isEqualTo(Fixtures.ICP_BRASIL_AD_RB_21_FILE_HASH)
                .isNotEqualTo(Fixtures.ICP_BRASIL_AD_RB_21_HASH);
        assertThat(PolicyHasher.sigPolicyHash(der))
                .isEqualTo(new PolicyHash(HashAlgorithm.SHA256.oid(),
                        dev.vellum.policy.model.Bytes.fromHex(Fixtures.ICP_BRASIL_AD_RB_21_HASH)));
    }

    @Test
    void decodesWithItsEmbeddedHashCheckedAndReencodesByteForByte() {
        SignaturePolicy policy = PolicyCodec.decode(der);

        assertThat(PolicyCodec.encode(policy)).isEqualTo(der);
        assertThat(policy.signPolicyHash().hex()).isEqualTo(Fixtures.ICP_BRASIL_AD_RB_21_HASH);
        assertThat(PolicyHasher.asn1PolicyHash(policy, HashAlgorithm.SHA256).hex())
                .isEqualTo(Fixtures.ICP_BRASIL_AD_RB_21_HASH);
    }

    @Test
    void readsTheRulesAsPublished() {
        SignaturePolicy policy = PolicyCodec.decode(der);
        var info = policy.signPolicyInfo();

        assertThat(policy.oid()).isEqualTo(Fixtures.ICP_BRASIL_AD_RB_21_OID);
        assertThat(policy.signPolicyHashAlg().parameters()).as("absent, not NULL").isNull();
        assertThat(info.dateOfIssue()).isEqualTo(Instant.parse("2012-03-07T00:00:00Z"));
        assertThat(info.policyIssuerName()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(IssuerName.Kind.URI);
            assertThat(n.value()).startsWith("C=BR,O=ICP-Brasil");
        });
        var svp = info.signatureValidationPolicy();
        assertThat(svp.signingPeriod().notAfter()).isEqualTo(Instant.parse("2023-06-21T00:00:00Z"));
        var signer = svp.commonRules().signerAndVeriferRules().signerRules();
        assertThat(signer.mandatedSignedAttr()).containsExactly("1.2.840.113549.1.9.3", "1.2.840.113549.1.9.4",
                "1.2.840.113549.1.9.16.2.15", "1.2.840.113549.1.9.16.2.47");
        assertThat(signer.mandatedCertificateRef()).as("absent, DEFAULT applies").isNull();
        assertThat(signer.effectiveCertificateRef()).isEqualTo(CertRefReq.SIGNER_ONLY);
        assertThat(signer.mandatedCertificateInfo()).isEqualTo(CertInfoReq.SIGNER_ONLY);
        var trust = svp.commonRules().signingCertTrustCondition();
        assertThat(trust.signerTrustTrees()).singleElement()
                .satisfies(tp -> assertThat(tp.certificate().getSubjectX500Principal().getName())
                        .contains("Autoridade Certificadora Raiz Brasileira v2"));
        assertThat(trust.signerRevReq().endCertRevReq().enuRevReq()).isEqualTo(EnuRevReq.EITHER_CHECK);
        assertThat(svp.commonRules().algorithmConstraintSet().signerAlgorithmConstraints()).singleElement()
                .satisfies(a -> {
                    assertThat(a.algID()).isEqualTo("1.2.840.113549.1.1.11");
                    assertThat(a.minKeyLength()).isEqualTo(2048);
                });
        assertThat(svp.commitmentRules()).singleElement()
                .satisfies(r -> assertThat(r.selCommitmentTypes()).singleElement()
                        .satisfies(s -> assertThat(s.isEmpty()).isTrue()));
    }
}
