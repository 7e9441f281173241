package dev.vellum.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.policy.json.PolicyJson;
import dev.vellum.policy.model.CertInfoReq;
import dev.vellum.policy.model.CertRefReq;
import dev.vellum.policy.model.EnuRevReq;
import dev.vellum.policy.model.SignaturePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Given a policy and a commitment type, the constraints that apply (TR 102 272 merge rules). */
class PolicyRulesTest {
    private static final String PROOF_OF_ORIGIN = "1.2.840.113549.1.9.16.6.1";
    private static final String PROOF_OF_RECEIPT = "1.2.840.113549.1.9.16.6.2";
    private static final String PROOF_OF_APPROVAL = "1.2.840.113549.1.9.16.6.5";
    private static final String CONTENT_TYPE = "1.2.840.113549.1.9.3";
    private static final String MESSAGE_DIGEST = "1.2.840.113549.1.9.4";
    private static final String COMMITMENT_TYPE_INDICATION = "1.2.840.113549.1.9.16.2.16";
    private static final String SIGNATURE_TIME_STAMP = "1.2.840.113549.1.9.16.2.14";
    private static final String ATS_V3 = "0.4.0.1733.2.4";

    private static SignaturePolicy example(String name) {
        return PolicyCodec.decode(Fixtures.exampleDer(name));
    }

    @Test
    void plainSmimeMailGetsTheEmptyCommitmentRuleMergedWithTheCommonRules() {
        ApplicableRules rules = PolicyRules.of(example(Fixtures.INBOUND_POLICY)).forCommitmentType(null).orElseThrow();

        assertThat(rules.policyOid()).isEqualTo("2.999.3125.2");
        assertThat(rules.mandatedSignedAttributes()).containsExactly(CONTENT_TYPE, MESSAGE_DIGEST);
        assertThat(rules.verifierMandatedUnsignedAttributes()).containsExactly(SIGNATURE_TIME_STAMP);
        assertThat(rules.certificateRefRequirement()).isEqualTo(CertRefReq.SIGNER_ONLY);
        assertThat(rules.certificateInfoRequirement()).isEqualTo(CertInfoReq.SIGNER_ONLY);
        assertThat(rules.signingCertTrust().signerTrustTrees()).hasSize(2);
        assertThat(rules.signerRevocation().endCertRevReq().enuRevReq()).isEqualTo(EnuRevReq.EITHER_CHECK);
        assertThat(rules.signatureTimestampDelay()).contains(Duration.ofDays(30));
        assertThat(rules.cautionPeriod()).contains(Duration.ofHours(24));
        assertThat(rules.algorithmConstraints(AlgorithmRole.SIGNER))
                .anySatisfy(a -> {
                    assertThat(a.algID()).isEqualTo("1.2.840.113549.1.1.10");
                    assertThat(a.minKeyLength()).isEqualTo(2048);
                });
        assertThat(rules.algorithmConstraints(AlgorithmRole.ATTRIBUTE_AUTHORITY_CERTIFICATE)).isEmpty();
        assertThat(rules.signingTimeAllowed(Instant.parse("2019-12-31T23:59:59Z"))).isFalse();
        assertThat(rules.signingTimeAllowed(Instant.parse("2040-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void eachCommitmentTypeGetsItsOwnRuleAndUnlistedTypesConformToNone() {
        PolicyRules rules = PolicyRules.of(example(Fixtures.INBOUND_POLICY));

        assertThat(rules.forCommitmentType(PROOF_OF_ORIGIN).orElseThrow().mandatedSignedAttributes())
                .containsExactly(CONTENT_TYPE, MESSAGE_DIGEST);
        ApplicableRules approval = rules.forCommitmentType(PROOF_OF_APPROVAL).orElseThrow();
        assertThat(approval.mandatedSignedAttributes()).contains(COMMITMENT_TYPE_INDICATION);
        assertThat(approval.certificateRefRequirement()).isEqualTo(CertRefReq.FULL_PATH);
        assertThat(approval.certificateInfoRequirement()).isEqualTo(CertInfoReq.FULL_PATH);
        assertThat(approval.algorithmConstraints(AlgorithmRole.TSA_CERTIFICATE)).hasSize(2);
        assertThat(rules.forCommitmentType(PROOF_OF_RECEIPT)).isEmpty();
        assertThat(rules.allowedCommitmentTypes()).hasSize(3);
    }

    @Test
    void theSealPolicyDemandsATimelyTimestampAndArchiveTimestamps() {
        ApplicableRules seal = PolicyRules.of(example(Fixtures.SEAL_POLICY)).forCommitmentType(PROOF_OF_RECEIPT)
                .orElseThrow();

        assertThat(seal.mandatedUnsignedAttributes()).containsExactly(SIGNATURE_TIME_STAMP);
        assertThat(seal.verifierMandatedUnsignedAttributes()).containsExactly(ATS_V3);
        assertThat(seal.externalSignedData()).contains(false);
        assertThat(seal.signatureTimestampDelay()).contains(Duration.ofMinutes(15));
        assertThat(seal.timestampTrust().ttsCertificateTrustTrees()).singleElement()
                .satisfies(tp -> assertThat(tp.certificate().getSubjectX500Principal().getName())
                        .contains("Example Archive TSA Root CA"));
        assertThat(seal.signingTimeAllowed(Instant.parse("2037-01-01T00:00:00Z"))).isFalse();
        assertThat(PolicyRules.of(example(Fixtures.SEAL_POLICY)).forCommitmentType(null)).isEmpty();
    }

    @Test
    void theRealIcpBrasilPolicyAppliesToSignaturesWithoutCommitmentType() {
        PolicyRules rules = PolicyRules.of(PolicyCodec.decode(Fixtures.icpBrasilAdRb21()));

        ApplicableRules none = rules.forCommitmentType(null).orElseThrow();
        assertThat(none.algorithmConstraints(AlgorithmRole.SIGNER)).singleElement()
                .satisfies(a -> assertThat(a.minKeyLength()).isEqualTo(2048));
        assertThat(none.signatureTimestampDelay()).isEmpty();
        assertThat(rules.forCommitmentType(PROOF_OF_ORIGIN)).isEmpty();
    }

    @Test
    void aFieldGivenBothInCommonRulesAndInACommitmentRuleIsRefused() {
        String original = Fixtures.exampleJson(Fixtures.INBOUND_POLICY);
        String json = original.replace("\"selCommitmentTypes\": [\n            {\n              \"identifier\": \"proofOfApproval\"",
                "\"algorithmConstraintSet\": {},\n          \"selCommitmentTypes\": [\n            {\n"
                        + "              \"identifier\": \"proofOfApproval\"");
        assertThat(json).isNotEqualTo(original);
        SignaturePolicy policy = PolicyJson.read(json);

        assertThatThrownBy(() -> PolicyRules.of(policy)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("commitmentRules[1] repeats algorithmConstraintSet");
        assertThatThrownBy(() -> PolicyJson.compile(json)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("ETSI TR 102 272");
    }

    @Test
    void anUnknownExtensionInTheRulesIsCriticalUnlessTheValidatorUnderstandsIt() {
        String extension = "\"signPolExtensions\": [{\"extnID\": \"2.999.3125.99.7\", \"extnValue\": \"0500\"}],\n"
                + "                  \"mandatedSignedAttr\"";
        String json = Fixtures.exampleJson(Fixtures.INBOUND_POLICY).replaceFirst("\"mandatedSignedAttr\"", extension);
        SignaturePolicy policy = PolicyCodec.decode(PolicyJson.compile(json));

        assertThatThrownBy(() -> PolicyRules.of(policy)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("extension 2.999.3125.99.7 at commitmentRules[0].signerAndVeriferRules.signerRules")
                .hasMessageContaining("not understood");
        assertThat(PolicyRules.of(policy, Set.of("2.999.3125.99.7")).forCommitmentType(null).orElseThrow()
                .signerRules().signPolExtensions()).singleElement()
                .satisfies(x -> assertThat(x.extnValue().hex()).isEqualTo("0500"));
    }

    @Test
    void anExtensionThatOnlyDescribesThePolicyIsNotCritical() {
        String json = Fixtures.exampleJson(Fixtures.SEAL_POLICY).replace("\"signatureValidationPolicy\": {",
                "\"signPolExtensions\": [{\"extnID\": \"2.999.3125.99.8\", \"extnValue\": \"0c0461626364\"}],\n"
                        + "    \"signatureValidationPolicy\": {");

        SignaturePolicy policy = PolicyCodec.decode(PolicyJson.compile(json));

        assertThat(PolicyRules.of(policy).forCommitmentType(PROOF_OF_RECEIPT)).isPresent();
    }
}
