package dev.vellum.validation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.policy.PolicyRegistry;
import dev.vellum.policy.RegisteredPolicy;
import dev.vellum.policy.json.PolicyJson;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.report.Outcome;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.support.TestSignatures;
import dev.vellum.validation.trust.TrustAnchors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.esf.CommitmentTypeIndication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 3125 rules of signature-policy's example "inbound signed mail acceptance" policy, evaluated on
 * signatures that name it. The example's trust points have discarded keys, so the test re-issues the
 * policy (same rules, test OID 2.999.3125.99.6) with the testkit root as the signer and TSA trust point.
 */
class SignaturePolicyRulesTest {

    static final TestPki PKI = TestPki.shared();
    static final byte[] CONTENT = "approved minutes".getBytes(StandardCharsets.UTF_8);
    static final ASN1ObjectIdentifier PROOF_OF_APPROVAL = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.6.5");
    static RegisteredPolicy policy;
    static SignatureValidator validator;
    static Credential signer;

    @BeforeAll
    static void policy() throws Exception {
        policy = examplePolicy("2.999.3125.99.6", SignaturePolicyRulesTest::withoutCautionPeriod);
        validator = validatorFor(policy);
        signer = PKI.signer(KeyType.ECDSA_P256);
    }

    /** The example policy with the testkit root as trust point, under a test OID, edited by {@code edit}. */
    static RegisteredPolicy examplePolicy(String oid, UnaryOperator<String> edit) throws Exception {
        return examplePolicy(oid, PKI.root().certificate(), edit);
    }

    /** The example policy with {@code trustPoint} as every trust point (signer and TSA), under a test OID. */
    static RegisteredPolicy examplePolicy(String oid, java.security.cert.X509Certificate trustPoint, UnaryOperator<String> edit)
            throws Exception {
        String json = Files.readString(examples().resolve("inbound-signed-mail-acceptance-policy.json"));
        String root = Base64.getEncoder().encodeToString(trustPoint.getEncoded());
        json = json.replaceAll("\"trustpoint\"\\s*:\\s*\"[A-Za-z0-9+/=]+\"", "\"trustpoint\": \"" + root + "\"")
                .replace("\"2.999.3125.2\"", "\"" + oid + "\"");
        return RegisteredPolicy.fromDer(PolicyJson.compile(edit.apply(json)), List.of(), null, "test");
    }

    /** The example's 24-hour caution period would make every signature here wait a day (see TimestampTrustConditionTest). */
    static String withoutCautionPeriod(String json) {
        return json.replaceFirst("\"cautionPeriod\"\\s*:\\s*\\{[^}]*\\}\\s*,", "");
    }

    static SignatureValidator validatorFor(RegisteredPolicy p) {
        return SignatureValidator.builder()
                .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .fetchSettings(FetchSettings.builder().allowHost("127.0.0.1").build())
                .policyRegistry(PolicyRegistry.of(List.of(p)))
                .build();
    }

    static Path examples() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("signature-policy/examples"))) {
            p = p.getParent();
        }
        return p.resolve("signature-policy/examples");
    }

    static byte[] sign(boolean withSigningTime, byte[] policyIdentifier) throws Exception {
        List<Attribute> attrs = new ArrayList<>();
        if (withSigningTime) {
            attrs.add(TestSignatures.signingTime(PKI.clock().instant()));
        }
        attrs.add(TestSignatures.signingCertificateV2(signer.chain().subList(0, 2)));
        attrs.add(new Attribute(new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.16"),
                new DERSet(new CommitmentTypeIndication(PROOF_OF_APPROVAL))));
        attrs.add(new Attribute(new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.15"),
                new DERSet(ASN1Primitive.fromByteArray(policyIdentifier))));
        return TestSignatures.withSignedAttributes(signer, CONTENT, attrs, signer.chain().subList(0, 2));
    }

    static SignatureReport validate(byte[] cms) {
        return validator.validate(ValidationRequest.of("approval.p7s", cms).withDetachedContent(CONTENT)).signatures().get(0);
    }

    @Test
    void aSignatureMeetingEveryRulePasses() throws Exception {
        SignatureReport s = validate(sign(true, policy.signaturePolicyId().toDer()));
        assertThat(s.indication()).as("%s", s.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(s.signaturePolicy().oid()).isEqualTo("2.999.3125.99.6");
        assertThat(s.signaturePolicy().hashMatches()).isTrue();
        assertThat(s.signaturePolicy().rules()).extracting(r -> r.description())
                .contains("signerRules.mandatedSignedAttr signing-time", "signingCertTrustCondition.signerTrustTrees");
        // every rule passes but verifierRules' signature-time-stamp, which the verifier has yet to add (a warning)
        assertThat(s.signaturePolicy().rules()).filteredOn(r -> !r.description().startsWith("verifierRules."))
                .allMatch(r -> r.outcome() == Outcome.PASSED);
        assertThat(s.signaturePolicy().rules()).filteredOn(r -> r.description().startsWith("verifierRules."))
                .extracting(r -> r.outcome()).containsExactly(Outcome.WARNING);
    }

    @Test
    void aMissingMandatedAttributeFailsWithTheRuleNamed() throws Exception {
        SignatureReport s = validate(sign(false, policy.signaturePolicyId().toDer()));
        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.SIG_CONSTRAINTS_FAILURE);
        assertThat(s.errors()).anyMatch(e -> e.contains("signerRules.mandatedSignedAttr signing-time")
                && e.contains("2.999.3125.99.6"));
        assertThat(s.signaturePolicy().rules()).anySatisfy(r -> {
            assertThat(r.description()).isEqualTo("signerRules.mandatedSignedAttr signing-time");
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        });
    }

    @Test
    void everyRuleIsReportedWithItsOutcomeWhenOneFails() throws Exception {
        SignatureReport s = validate(sign(false, policy.signaturePolicyId().toDer()));
        assertThat(s.signaturePolicy().rules()).extracting(r -> r.description() + " " + r.outcome()).contains(
                "signerRules.mandatedSignedAttr signing-time FAILED",
                "signingCertTrustCondition.signerTrustTrees PASSED",
                "signingCertTrustCondition.signerRevReq.endCertRevReq eitherCheck PASSED",
                "signingCertTrustCondition.signerRevReq.caCerts eitherCheck PASSED",
                "signingPeriod PASSED");
        assertThat(s.constraints()).filteredOn(c -> c.id().startsWith("policy.")).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aRevocationRequirementTheDataCannotMeetFailsWithTheRuleNamed() throws Exception {
        // The signer's status comes from its OCSP responder alone (found first online): bothCheck is not met.
        RegisteredPolicy both = examplePolicy("2.999.3125.99.7",
                json -> withoutCautionPeriod(json).replaceFirst("\"enuRevReq\"\\s*:\\s*\"eitherCheck\"",
                        "\"enuRevReq\": \"bothCheck\""));
        SignatureReport s = validatorFor(both).validate(ValidationRequest.of("approval.p7s",
                sign(true, both.signaturePolicyId().toDer())).withDetachedContent(CONTENT)).signatures().get(0);

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.CHAIN_CONSTRAINTS_FAILURE);
        assertThat(s.errors()).anyMatch(e -> e.contains("signingCertTrustCondition.signerRevReq.endCertRevReq bothCheck"));
        assertThat(s.signaturePolicy().rules()).anySatisfy(r -> {
            assertThat(r.description()).isEqualTo("signingCertTrustCondition.signerRevReq.endCertRevReq bothCheck");
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.detail()).contains("OCSP").doesNotContain("CRL");
        });
    }

    @Test
    void aPolicyHashMismatchIsAPolicyProcessingError() throws Exception {
        byte[] id = policy.signaturePolicyId().toDer();
        byte[] tampered = id.clone();
        tampered[tampered.length - 1] ^= 0x01; // last byte of the sigPolicyHash value
        SignatureReport s = validate(sign(true, tampered));
        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.POLICY_PROCESSING_ERROR);
        assertThat(s.signaturePolicy().hashMatches()).isFalse();
    }

    @Test
    void anUnknownPolicyIsReportedButItsRulesAreNotApplied() throws Exception {
        SignatureValidator noRegistry = SignatureValidator.builder().trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .fetchSettings(FetchSettings.builder().allowHost("127.0.0.1").build()).build();
        SignatureReport s = noRegistry.validate(ValidationRequest.of("approval.p7s", sign(false, policy.signaturePolicyId().toDer()))
                .withDetachedContent(CONTENT)).signatures().get(0);
        assertThat(s.signaturePolicy().available()).isFalse();
        assertThat(s.warnings()).anyMatch(w -> w.contains("not in the policy registry"));
    }
}
