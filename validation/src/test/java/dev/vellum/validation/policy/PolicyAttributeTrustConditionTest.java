package dev.vellum.validation.policy;

import static dev.vellum.validation.policy.SignaturePolicyRulesTest.CONTENT;
import static dev.vellum.validation.policy.SignaturePolicyRulesTest.PKI;
import static dev.vellum.validation.policy.SignaturePolicyRulesTest.PROOF_OF_APPROVAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.policy.RegisteredPolicy;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.report.ConstraintOutcome;
import dev.vellum.validation.report.Outcome;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.support.TestSignatures;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.esf.CommitmentTypeIndication;
import org.bouncycastle.cert.AttributeCertificateHolder;
import org.bouncycastle.cert.AttributeCertificateIssuer;
import org.bouncycastle.cert.X509AttributeCertificateHolder;
import org.bouncycastle.cert.X509v2AttributeCertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 3125 AttributeTrustCondition on the signer's claimed attributes and attribute
 * certificates (signer-attributes-v2, EN 319 122-1 §5.2.6.1), and AlgorithmConstraintSet.aaCertAlgorithmConstraints on
 * the attribute certificate's signature. The claimed attribute is a role (id-at-role, 2.5.4.72); the
 * attribute certificate is issued by the testkit's issuing CA acting as attribute authority.
 */
class PolicyAttributeTrustConditionTest {

    static final String ROLE = "2.5.4.72";
    static final String SIGNER_ATTRIBUTES_V2 = "0.4.0.19122.1.1";
    static Credential signer;
    static ASN1Encodable attributeCertificate;

    @BeforeAll
    static void make() throws Exception {
        signer = PKI.signer(KeyType.ECDSA_P256);
        Credential aa = PKI.intermediate();
        Date from = Date.from(PKI.createdAt().minus(Duration.ofDays(1)));
        Date to = Date.from(PKI.createdAt().plus(Duration.ofDays(365)));
        X509AttributeCertificateHolder ac = new X509v2AttributeCertificateBuilder(
                new AttributeCertificateHolder(new JcaX509CertificateHolder(signer.certificate())),
                new AttributeCertificateIssuer(new JcaX509CertificateHolder(aa.certificate()).getSubject()),
                BigInteger.valueOf(4711), from, to)
                .addAttribute(new ASN1ObjectIdentifier(ROLE), new DERUTF8String("Records Officer"))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(aa.privateKey()));
        attributeCertificate = ac.toASN1Structure();
    }

    /** The example policy (no caution period) with {@code condition} as CommonRules' attributeTrustCondition. */
    static RegisteredPolicy policy(String oid, String condition) throws Exception {
        return policy(oid, condition, null);
    }

    static RegisteredPolicy policy(String oid, String condition, String aaAlgorithms) throws Exception {
        return SignaturePolicyRulesTest.examplePolicy(oid, json -> {
            String j = SignaturePolicyRulesTest.withoutCautionPeriod(json)
                    .replaceFirst("\"algorithmConstraintSet\"", "\"attributeTrustCondition\": " + condition
                            + ", \"algorithmConstraintSet\"");
            return aaAlgorithms == null ? j : j.replaceFirst("\"tsaCertAlgorithmConstraints\"",
                    "\"aaCertAlgorithmConstraints\": " + aaAlgorithms + ", \"tsaCertAlgorithmConstraints\"");
        });
    }

    /** signer-attributes-v2 with the given claimedAttributes [0] and/or certifiedAttributesV2 [1]. */
    static Attribute signerAttributes(boolean claimed, boolean certified) {
        List<ASN1Encodable> fields = new ArrayList<>();
        if (claimed) {
            fields.add(new DERTaggedObject(true, 0, new DERSequence(new org.bouncycastle.asn1.x509.Attribute(
                    new ASN1ObjectIdentifier(ROLE), new DERSet(new DERUTF8String("Head of Records"))))));
        }
        if (certified) {
            fields.add(new DERTaggedObject(true, 1, new DERSequence(attributeCertificate)));
        }
        return new Attribute(new ASN1ObjectIdentifier(SIGNER_ATTRIBUTES_V2),
                new DERSet(new DERSequence(fields.toArray(ASN1Encodable[]::new))));
    }

    static SignatureReport validate(RegisteredPolicy policy, Attribute signerAttributes) throws Exception {
        List<Attribute> attrs = new ArrayList<>();
        attrs.add(TestSignatures.signingTime(PKI.clock().instant()));
        attrs.add(TestSignatures.signingCertificateV2(signer.chain().subList(0, 2)));
        attrs.add(new Attribute(new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.16"),
                new DERSet(new CommitmentTypeIndication(PROOF_OF_APPROVAL))));
        attrs.add(new Attribute(new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.15"),
                new DERSet(ASN1Primitive.fromByteArray(policy.signaturePolicyId().toDer()))));
        if (signerAttributes != null) {
            attrs.add(signerAttributes);
        }
        byte[] cms = TestSignatures.withSignedAttributes(signer, CONTENT, attrs, signer.chain().subList(0, 2));
        return SignaturePolicyRulesTest.validatorFor(policy).validate(ValidationRequest.of("approval.p7s", cms)
                .withDetachedContent(CONTENT)).signatures().get(0);
    }

    static ConstraintOutcome rule(SignatureReport s, String name) {
        return PolicyChainAndAlgorithmRulesTest.rule(s, name);
    }

    @Test
    void aMandatedClaimedAttributeThatIsPresentPasses() throws Exception {
        RegisteredPolicy p = policy("2.999.3125.99.40", "{\"attributeMandated\": true, \"howCertAttribute\": \"claimedAttribute\","
                + " \"attributeConstraints\": {\"attributeTypeConstarints\": [\"" + ROLE + "\"]}}");

        SignatureReport s = validate(p, signerAttributes(true, false));

        assertThat(s.indication()).as("%s", s.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(rule(s, "attributeTrustCondition.attributeMandated true").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(rule(s, "attributeTrustCondition.howCertAttribute claimedAttribute").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(rule(s, "attributeTrustCondition.attributeConstraints").outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void aMandatedAttributeThatIsMissingFailsWithTheRuleNamed() throws Exception {
        RegisteredPolicy p = policy("2.999.3125.99.41", "{\"attributeMandated\": true, \"howCertAttribute\": \"either\"}");

        SignatureReport s = validate(p, null);

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.SIG_CONSTRAINTS_FAILURE);
        assertThat(rule(s, "attributeTrustCondition.attributeMandated true").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(s.errors()).anyMatch(e -> e.contains("rule attributeTrustCondition.attributeMandated true"));
    }

    @Test
    void aClaimedAttributeWhereOnlyCertifiedOnesCountFails() throws Exception {
        RegisteredPolicy p = policy("2.999.3125.99.42", "{\"attributeMandated\": false, \"howCertAttribute\": \"certifiedAttribtes\"}");

        SignatureReport s = validate(p, signerAttributes(true, false));

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.SIG_CONSTRAINTS_FAILURE);
        ConstraintOutcome r = rule(s, "attributeTrustCondition.howCertAttribute certifiedAttribtes");
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.detail()).contains("certified attributes only");
    }

    @Test
    void anAttributeTypeThePolicyDoesNotAllowFails() throws Exception {
        RegisteredPolicy p = policy("2.999.3125.99.43", "{\"attributeMandated\": false, \"howCertAttribute\": \"either\","
                + " \"attributeConstraints\": {\"attributeTypeConstarints\": [\"2.5.4.12\"]}}");

        SignatureReport s = validate(p, signerAttributes(true, false));

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.SIG_CONSTRAINTS_FAILURE);
        ConstraintOutcome r = rule(s, "attributeTrustCondition.attributeConstraints");
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.detail()).contains(ROLE);
    }

    @Test
    void aCertifiedAttributeSignedAsTheAaAlgorithmConstraintsAllowPasses() throws Exception {
        RegisteredPolicy p = policy("2.999.3125.99.44", "{\"attributeMandated\": true, \"howCertAttribute\": \"certifiedAttribtes\"}",
                "[{\"algID\": \"ecdsaWithSHA256\", \"minKeyLength\": 256}]");

        SignatureReport s = validate(p, signerAttributes(false, true));

        assertThat(s.indication()).as("%s", s.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(rule(s, "attributeTrustCondition.attributeMandated true").detail()).contains("1 attribute certificate(s)");
        assertThat(rule(s, "algorithmConstraintSet.aaCertAlgorithmConstraints").outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void aCertifiedAttributeSignedWithAnAlgorithmThePolicyDoesNotAllowFails() throws Exception {
        RegisteredPolicy p = policy("2.999.3125.99.45", "{\"attributeMandated\": true, \"howCertAttribute\": \"either\"}",
                "[{\"algID\": \"ecdsaWithSHA384\", \"minKeyLength\": 384}]");

        SignatureReport s = validate(p, signerAttributes(false, true));

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.CRYPTO_CONSTRAINTS_FAILURE);
        assertThat(rule(s, "algorithmConstraintSet.aaCertAlgorithmConstraints").outcome()).isEqualTo(Outcome.FAILED);
    }

    static String trustTree(java.security.cert.X509Certificate trustPoint) throws Exception {
        return "[{\"trustpoint\": \"" + java.util.Base64.getEncoder().encodeToString(trustPoint.getEncoded()) + "\"}]";
    }

    @Test
    void anAttributeCertificateFromAnAuthorityUnderTheAttributeTrustPointPasses() throws Exception {
        RegisteredPolicy p = policy("2.999.3125.99.46", "{\"attributeMandated\": true, \"howCertAttribute\": \"certifiedAttribtes\","
                + " \"attrCertificateTrustTrees\": " + trustTree(PKI.root().certificate()) + "}");

        SignatureReport s = validate(p, signerAttributes(false, true));

        assertThat(s.indication()).as("%s", s.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(rule(s, "attributeTrustCondition.attrCertificateTrustTrees").outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void anAttributeCertificateFromAnAuthorityOutsideTheAttributeTrustPointsFails() throws Exception {
        RegisteredPolicy p = policy("2.999.3125.99.47", "{\"attributeMandated\": true, \"howCertAttribute\": \"either\","
                + " \"attrCertificateTrustTrees\": " + trustTree(PKI.untrustedRoot().certificate()) + "}");

        SignatureReport s = validate(p, signerAttributes(false, true));

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.CHAIN_CONSTRAINTS_FAILURE);
        ConstraintOutcome r = rule(s, "attributeTrustCondition.attrCertificateTrustTrees");
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.detail()).contains("does not chain to any of the policy's 1 attribute trust point(s)");
    }
}
