package dev.vellum.validation.policy;

import static dev.vellum.validation.policy.SignaturePolicyRulesTest.CONTENT;
import static dev.vellum.validation.policy.SignaturePolicyRulesTest.PKI;
import static dev.vellum.validation.policy.SignaturePolicyRulesTest.PROOF_OF_APPROVAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.policy.RegisteredPolicy;
import dev.vellum.testkit.pki.CertificateProfile;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.report.ConstraintOutcome;
import dev.vellum.validation.report.Outcome;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.support.TestSignatures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.esf.CommitmentTypeIndication;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 3125 CertificateTrustPoint constraints of the signer's trust point (pathLenConstraint, nameConstraints,
 * acceptablePolicySet) and AlgorithmConstraintSet constraints on the certificates (eeCert-, caCert-), plus
 * VerifierRules, each on a signature that meets it and one that does not (verifierRules only warn). The testkit signer's
 * chain is signer ← Vellum Test Issuing CA ← Vellum Test Root CA (the trust point), all ECDSA P-256.
 */
class PolicyChainAndAlgorithmRulesTest {

    static final String CERT_POLICY = "2.999.3125.77.1";
    static Credential signer;
    static Credential policySigner;

    @BeforeAll
    static void signers() {
        signer = PKI.signer(KeyType.ECDSA_P256);
        // a chain whose CA and signer certificates assert CERT_POLICY
        CertificatePolicies policies = new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(CERT_POLICY)));
        Credential ca = PKI.certificateAuthority("policy-ca").orElseGet(() -> PKI.issue("policy-ca").issuer(PKI.root())
                .profile(CertificateProfile.CA).extension(Extension.certificatePolicies, false, policies)
                .validity(PKI.createdAt().minus(Duration.ofDays(400)), PKI.createdAt().plus(Duration.ofDays(4000))).build());
        policySigner = PKI.issue("policy-signer").issuer(ca).extension(Extension.certificatePolicies, false, policies)
                .validity(PKI.createdAt().minus(Duration.ofDays(30)), PKI.createdAt().plus(Duration.ofDays(700))).build();
    }

    /** The example policy (without caution period) whose only signer trust point is the root, with {@code extra} fields. */
    static RegisteredPolicy withTrustPoint(String oid, String extra) throws Exception {
        String root = Base64.getEncoder().encodeToString(PKI.root().certificate().getEncoded());
        return policy(oid, json -> json.replaceFirst("(?s)\"signerTrustTrees\"\\s*:\\s*\\[.*?\\]\\s*,\\s*\"signerRevReq\"",
                "\"signerTrustTrees\": [{\"trustpoint\": \"" + root + "\"" + extra + "}], \"signerRevReq\""));
    }

    static RegisteredPolicy policy(String oid, UnaryOperator<String> edit) throws Exception {
        return SignaturePolicyRulesTest.examplePolicy(oid,
                json -> edit.apply(SignaturePolicyRulesTest.withoutCautionPeriod(json)));
    }

    static SignatureReport validate(RegisteredPolicy policy, Credential by) throws Exception {
        List<Attribute> attrs = new ArrayList<>();
        attrs.add(TestSignatures.signingTime(PKI.clock().instant()));
        attrs.add(TestSignatures.signingCertificateV2(by.chain().subList(0, 2)));
        attrs.add(new Attribute(new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.16"),
                new DERSet(new CommitmentTypeIndication(PROOF_OF_APPROVAL))));
        attrs.add(new Attribute(new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.15"),
                new DERSet(ASN1Primitive.fromByteArray(policy.signaturePolicyId().toDer()))));
        byte[] cms = TestSignatures.withSignedAttributes(by, CONTENT, attrs, by.chain().subList(0, 2));
        return SignaturePolicyRulesTest.validatorFor(policy).validate(ValidationRequest.of("approval.p7s", cms)
                .withDetachedContent(CONTENT)).signatures().get(0);
    }

    static ConstraintOutcome rule(SignatureReport s, String name) {
        return s.signaturePolicy().rules().stream().filter(r -> r.description().startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule " + name + " in " + s.signaturePolicy().rules()));
    }

    static void assertFailsWith(SignatureReport s, String ruleName, SubIndication sub) {
        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(sub);
        assertThat(rule(s, ruleName).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(s.errors()).anyMatch(e -> e.contains("rule " + ruleName));
    }

    @Test
    void aPathWithinTheTrustPointsPathLengthPasses() throws Exception {
        SignatureReport s = validate(withTrustPoint("2.999.3125.99.20", ", \"pathLenConstraint\": 1"), signer);

        assertThat(s.indication()).as("%s", s.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(rule(s, "signingCertTrustCondition.signerTrustTrees.pathLenConstraint 1").outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void aPathLongerThanTheTrustPointAllowsFails() throws Exception {
        SignatureReport s = validate(withTrustPoint("2.999.3125.99.21", ", \"pathLenConstraint\": 0"), signer);

        assertFailsWith(s, "signingCertTrustCondition.signerTrustTrees.pathLenConstraint 0", SubIndication.CHAIN_CONSTRAINTS_FAILURE);
        assertThat(rule(s, "signingCertTrustCondition.signerTrustTrees.pathLenConstraint").detail())
                .contains("1 CA certificate(s) after the trust point");
    }

    @Test
    void subjectNamesInsideTheTrustPointsNameConstraintsPass() throws Exception {
        SignatureReport s = validate(withTrustPoint("2.999.3125.99.22", ", \"nameConstraints\": {\"permittedSubtrees\": "
                + "[{\"base\": {\"directoryName\": \"C=DE,O=Vellum Test PKI\"}}]}"), signer);

        assertThat(s.indication()).as("%s", s.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(rule(s, "signingCertTrustCondition.signerTrustTrees.nameConstraints").outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void aSubjectNameOutsideTheTrustPointsNameConstraintsFails() throws Exception {
        SignatureReport s = validate(withTrustPoint("2.999.3125.99.23", ", \"nameConstraints\": {\"permittedSubtrees\": "
                + "[{\"base\": {\"directoryName\": \"C=DE,O=Vellum Test PKI\"}}], \"excludedSubtrees\": "
                + "[{\"base\": {\"directoryName\": \"C=DE,O=Vellum Test PKI,OU=" + PKI.label() + ",CN=Vellum Test Issuing CA\"}}]}"),
                signer);

        assertFailsWith(s, "signingCertTrustCondition.signerTrustTrees.nameConstraints", SubIndication.CHAIN_CONSTRAINTS_FAILURE);
        assertThat(rule(s, "signingCertTrustCondition.signerTrustTrees.nameConstraints").detail())
                .contains("Vellum Test Issuing CA");
    }

    @Test
    void aChainUnderAnAcceptableCertificatePolicyPasses() throws Exception {
        SignatureReport s = validate(withTrustPoint("2.999.3125.99.24", ", \"acceptablePolicySet\": [\"" + CERT_POLICY + "\"]"),
                policySigner);

        assertThat(s.indication()).as("%s", s.errors()).isEqualTo(Indication.TOTAL_PASSED);
        ConstraintOutcome r = rule(s, "signingCertTrustCondition.signerTrustTrees.acceptablePolicySet");
        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.detail()).contains(CERT_POLICY);
    }

    @Test
    void aChainWithoutAnAcceptableCertificatePolicyFails() throws Exception {
        // the testkit's usual signer and issuing CA assert no certificate policy at all
        SignatureReport s = validate(withTrustPoint("2.999.3125.99.25", ", \"acceptablePolicySet\": [\"" + CERT_POLICY + "\"]"),
                signer);

        assertFailsWith(s, "signingCertTrustCondition.signerTrustTrees.acceptablePolicySet", SubIndication.CHAIN_CONSTRAINTS_FAILURE);
    }

    @Test
    void certificateSignaturesTheAlgorithmConstraintsAllowPass() throws Exception {
        // the example policy allows ecdsaWithSHA256 with 256-bit keys for end-entity and CA certificates
        SignatureReport s = validate(policy("2.999.3125.99.26", json -> json), signer);

        assertThat(s.indication()).as("%s", s.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(rule(s, "algorithmConstraintSet.eeCertAlgorithmConstraints").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(rule(s, "algorithmConstraintSet.caCertAlgorithmConstraints").outcome()).isEqualTo(Outcome.PASSED);
        // the signer's status came from the issuing CA's delegated OCSP responder: its certificate is an end-entity one too
        ConstraintOutcome responder = rule(s, "algorithmConstraintSet.eeCertAlgorithmConstraints (delegated OCSP responders");
        assertThat(responder.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(responder.detail()).contains("1 certificate signature(s) allowed");
    }

    @Test
    void aDelegatedOcspResponderCertificateTheEeConstraintsRefuseFails() throws Exception {
        // the signer's certificate is signed with SHA256withECDSA; the responder's issuer key is the same, so only
        // a minimum key length above it refuses both: the signer's rule decides first, the responder's is reported
        SignatureReport s = validate(policy("2.999.3125.99.36", json -> json.replaceFirst(
                "(?s)\"eeCertAlgorithmConstraints\"\\s*:\\s*\\[.*?\\]", "\"eeCertAlgorithmConstraints\": "
                        + "[{\"algID\": \"ecdsaWithSHA256\", \"minKeyLength\": 384}]")), signer);

        ConstraintOutcome responder = rule(s, "algorithmConstraintSet.eeCertAlgorithmConstraints (delegated OCSP responders");
        assertThat(responder.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(responder.detail()).contains("OCSP Responder").contains("256-bit");
        assertThat(responder.subIndication()).isEqualTo(SubIndication.CRYPTO_CONSTRAINTS_FAILURE);
    }

    @Test
    void anEndEntityCertificateSignedWithAnAlgorithmThePolicyDoesNotListFails() throws Exception {
        SignatureReport s = validate(policy("2.999.3125.99.27", json -> json.replaceFirst(
                "(?s)\"eeCertAlgorithmConstraints\"\\s*:\\s*\\[.*?\\]", "\"eeCertAlgorithmConstraints\": "
                        + "[{\"algID\": \"sha256WithRSAEncryption\", \"minKeyLength\": 3072}]")), signer);

        assertFailsWith(s, "algorithmConstraintSet.eeCertAlgorithmConstraints", SubIndication.CRYPTO_CONSTRAINTS_FAILURE);
        assertThat(rule(s, "algorithmConstraintSet.eeCertAlgorithmConstraints").detail()).contains("Signer ECDSA P256");
    }

    @Test
    void aCaCertificateSignedWithTooShortAKeyFails() throws Exception {
        SignatureReport s = validate(policy("2.999.3125.99.28", json -> json.replaceFirst(
                "(?s)\"caCertAlgorithmConstraints\"\\s*:\\s*\\[.*?\\]", "\"caCertAlgorithmConstraints\": "
                        + "[{\"algID\": \"ecdsaWithSHA256\", \"minKeyLength\": 384}]")), signer);

        assertFailsWith(s, "algorithmConstraintSet.caCertAlgorithmConstraints", SubIndication.CRYPTO_CONSTRAINTS_FAILURE);
        assertThat(rule(s, "algorithmConstraintSet.caCertAlgorithmConstraints").detail())
                .contains("Vellum Test Issuing CA").contains("256-bit");
    }

    @Test
    void aMissingVerifierAttributeIsReportedForTheVerifierToAddNotAsTheSignersFailure() throws Exception {
        // the proofOfApproval rule's verifierRules mandate a signature-time-stamp; this signature has none yet
        SignatureReport s = validate(policy("2.999.3125.99.29", json -> json), signer);

        assertThat(s.indication()).isEqualTo(Indication.TOTAL_PASSED);
        ConstraintOutcome r = rule(s, "verifierRules.mandatedUnsignedAttr signature-time-stamp");
        assertThat(r.outcome()).isEqualTo(Outcome.WARNING);
        assertThat(r.detail()).contains("the verifier must add it");
    }
}
