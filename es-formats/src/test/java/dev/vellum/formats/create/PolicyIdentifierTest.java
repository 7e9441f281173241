package dev.vellum.formats.create;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.attribute.SignaturePolicyId;
import dev.vellum.formats.level.BaselineLevel;
import dev.vellum.formats.level.LegacyForm;
import dev.vellum.formats.support.Pki;
import dev.vellum.policy.HashAlgorithm;
import dev.vellum.policy.PolicyHash;
import dev.vellum.policy.PolicyHasher;
import dev.vellum.policy.RegisteredPolicy;
import dev.vellum.policy.identifier.SigPolicyQualifier;
import dev.vellum.policy.identifier.SpDocSpecification;
import dev.vellum.policy.model.Bytes;
import dev.vellum.testkit.pki.KeyType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EPES signatures name a policy from the signature-policy registry: what the signer puts in the
 * signature-policy-identifier (OID, the hash the policy module computed, SPuri / SPUserNotice /
 * sp-doc-specification qualifiers) is what a reader of the signature gets back (EN 319 122-1 §5.2.9).
 */
class PolicyIdentifierTest {
    private static final byte[] CONTENT = "Transfer of custody, box 17\n".getBytes(StandardCharsets.UTF_8);
    private static final Path SEAL_POLICY = Path.of("../signature-policy/examples/records-archive-seal-policy.der");

    private static CadesSignature signUnder(RegisteredPolicy policy) {
        byte[] p7s = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).policy(policy).build().signDetached(SignedContent.of(CONTENT));
        CadesSignature s = new SignedDocumentReader().readDetached(p7s, SignedContent.of(CONTENT)).signatures().get(0);
        assertThat(s.cryptographicallyIntact()).isTrue();
        return s;
    }

    private static PolicyHash claimed(SignaturePolicyId id) {
        return new PolicyHash(id.hashAlgorithmOid().orElseThrow(), Bytes.of(id.hash()));
    }

    @Test
    void anAsn1PolicyIsNamedWithItsPolicyHashAndQualifiersThatReadBackAsWritten() throws Exception {
        byte[] der = Files.readAllBytes(SEAL_POLICY);
        RegisteredPolicy policy = RegisteredPolicy.fromDer(der, List.of(
                new SigPolicyQualifier.SpUri("https://records.example/policies/records-archive-seal-policy.der"),
                new SigPolicyQualifier.SpUserNotice("Example Records Office", List.of(3, 7),
                        "Sealed for custody under the records archive seal policy")), null, SEAL_POLICY.toString());

        CadesSignature s = signUnder(policy);
        SignaturePolicyId id = s.signedAttributes().signaturePolicy().orElseThrow();
        assertThat(id.policyOid()).contains(policy.oid());
        assertThat(id.hash()).isEqualTo(PolicyHasher.sigPolicyHash(der).value().toByteArray())
                .isNotEqualTo(PolicyHasher.documentHash(der, HashAlgorithm.fromOid(id.hashAlgorithmOid().orElseThrow())).toByteArray());
        assertThat(id.zeroHash()).isFalse();
        assertThat(id.uri()).contains("https://records.example/policies/records-archive-seal-policy.der");
        assertThat(id.userNotice()).contains("Sealed for custody under the records archive seal policy");
        assertThat(id.qualifierOids()).containsExactly(SigPolicyQualifier.SPURI, SigPolicyQualifier.SP_USER_NOTICE);
        assertThat(policy.checkHash(claimed(id))).isEqualTo(RegisteredPolicy.HashCheck.MATCH);
        assertThat(s.level().legacyForm()).contains(LegacyForm.EPES);
        assertThat(s.level().baseline()).isEqualTo(BaselineLevel.B_B);
        assertThat(s.level().policyBased()).isTrue();
    }

    @Test
    void aNonAsn1PolicyDocumentIsNamedByItsWholeFileHashAndItsSyntax() {
        byte[] text = "Inbound mail policy, version 3: signatures are kept as received.\n".getBytes(StandardCharsets.UTF_8);
        RegisteredPolicy policy = RegisteredPolicy.fromDocument("2.999.3125.1.9", text, HashAlgorithm.SHA256, null,
                List.of(new SigPolicyQualifier.SpDocSpec(SpDocSpecification.ofUri("urn:example:policy-text"))),
                SpDocSpecification.ofUri("urn:example:policy-text"), "inline");

        SignaturePolicyId id = signUnder(policy).signedAttributes().signaturePolicy().orElseThrow();
        assertThat(id.policyOid()).contains("2.999.3125.1.9");
        assertThat(id.hash()).isEqualTo(PolicyHasher.documentHash(text, HashAlgorithm.SHA256).toByteArray());
        assertThat(id.docSpecification()).contains("urn:example:policy-text");
        assertThat(policy.checkHash(claimed(id))).isEqualTo(RegisteredPolicy.HashCheck.MATCH);
        assertThat(RegisteredPolicy.fromDocument("2.999.3125.1.9", "another text".getBytes(StandardCharsets.UTF_8),
                HashAlgorithm.SHA256, null, List.of(), null, "other").checkHash(claimed(id)))
                .isEqualTo(RegisteredPolicy.HashCheck.MISMATCH);
    }

    @Test
    void aPolicyWhoseHashIsUnknownIsNamedWithTheZeroHash() {
        RegisteredPolicy policy = RegisteredPolicy.declared("2.999.3125.1.10", PolicyHash.unknown(HashAlgorithm.SHA256),
                List.of(), "declared");

        CadesSignature s = signUnder(policy);
        SignaturePolicyId id = s.signedAttributes().signaturePolicy().orElseThrow();
        assertThat(id.zeroHash()).isTrue();
        assertThat(id.hash()).hasSize(32);
        assertThat(policy.checkHash(claimed(id))).isEqualTo(RegisteredPolicy.HashCheck.ZERO_HASH_ACCEPTED);
        assertThat(s.level().legacyForm()).contains(LegacyForm.EPES);
    }
}
