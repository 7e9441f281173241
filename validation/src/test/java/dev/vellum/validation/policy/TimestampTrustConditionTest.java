package dev.vellum.validation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.policy.PolicyRegistry;
import dev.vellum.policy.RegisteredPolicy;
import dev.vellum.testkit.pki.CertificateProfile;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.time.MutableClock;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationDataCollector;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.report.ConstraintOutcome;
import dev.vellum.validation.report.Outcome;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.support.TestSignatures;
import dev.vellum.validation.trust.TrustAnchors;
import dev.vellum.validation.trust.TrustStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.esf.CommitmentTypeIndication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 3125 §3.8 time-stamp trust condition of signature-policy's example policy, on time-stamped
 * signatures: the TSA must chain to a policy trust point (ttsCertificateTrustTrees), its revocation
 * data must be of the required kinds (ttsRevReq), and the signer's status must come from revocation
 * data issued at least the caution period (24 hours) after the signing time — before that the answer
 * is INDETERMINATE/TRY_LATER.
 */
class TimestampTrustConditionTest {

    static final byte[] CONTENT = "approved budget".getBytes(StandardCharsets.UTF_8);
    static MutableClock clock;
    static TestPki pki;
    static Instant t0;
    static RegisteredPolicy policy;
    static Credential signer;
    static Credential foreignTsa;
    /** An archive TSA of the same issuing CA, outside O=Vellum Test PKI, its certificate signed with SHA384withECDSA. */
    static Credential archiveTsa;

    @BeforeAll
    static void make() throws Exception {
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock = MutableClock.at(t0);
        pki = TestPki.builder().clock(clock).tsaKeyType(KeyType.ECDSA_P256).build();
        signer = pki.signer(KeyType.ECDSA_P256);
        foreignTsa = pki.issue("foreign-tsa").issuer(pki.untrustedRoot()).profile(CertificateProfile.TSA)
                .keyType(KeyType.ECDSA_P256).validity(t0.minus(Duration.ofDays(1)), t0.plus(Duration.ofDays(300))).build();
        archiveTsa = pki.issue("archive-tsa").issuer(pki.intermediate()).profile(CertificateProfile.TSA)
                .keyType(KeyType.ECDSA_P256).subject("CN=Archive TSA, O=Archive Services, C=DE")
                .signatureAlgorithm("SHA384withECDSA")
                .validity(t0.minus(Duration.ofDays(1)), t0.plus(Duration.ofDays(300))).build();
        policy = SignaturePolicyRulesTest.examplePolicy("2.999.3125.99.8", pki.root().certificate(), json -> json);
    }

    @AfterAll
    static void close() {
        pki.close();
    }

    /** Signed at t0 + 1 h under the policy, time-stamped by {@code tsa} at once. */
    static byte[] timestampedBy(Credential tsa) throws Exception {
        return timestampedBy(tsa, policy);
    }

    /** As above under {@code policy}. */
    static byte[] timestampedBy(Credential tsa, RegisteredPolicy policy) throws Exception {
        Instant signedAt = t0.plus(Duration.ofHours(1));
        clock.set(signedAt);
        List<Attribute> attrs = signedAttributes(signedAt, policy);
        byte[] b = TestSignatures.withSignedAttributes(signer, CONTENT, attrs, signer.chain().subList(0, 2));
        return TestSignatures.withSignatureTimestamp(b, pki.timeStamp().tsa(tsa).data(TestSignatures.signatureValue(b))
                .at(signedAt).build());
    }

    /** signing-time, signing-certificate-v2, commitment type (proof of approval) and the policy identifier of {@code p}. */
    static List<Attribute> signedAttributes(Instant signedAt, RegisteredPolicy p) throws Exception {
        List<Attribute> attrs = new ArrayList<>();
        attrs.add(TestSignatures.signingTime(signedAt));
        attrs.add(TestSignatures.signingCertificateV2(signer.chain().subList(0, 2)));
        attrs.add(new Attribute(new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.16"),
                new DERSet(new CommitmentTypeIndication(SignaturePolicyRulesTest.PROOF_OF_APPROVAL))));
        attrs.add(new Attribute(new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.15"),
                new DERSet(ASN1Primitive.fromByteArray(p.signaturePolicyId().toDer()))));
        return attrs;
    }

    /** Validated offline {@code hours} after t0 with CRLs of every CA issued then. */
    static SignatureReport validate(byte[] cms, int hours) throws Exception {
        return validate(cms, hours, policy);
    }

    /** As above with {@code policy} in the registry. */
    static SignatureReport validate(byte[] cms, int hours, RegisteredPolicy policy) throws Exception {
        Instant at = t0.plus(Duration.ofHours(hours));
        clock.set(at.minusSeconds(60));
        List<byte[]> crls = new ArrayList<>();
        for (Credential ca : List.of(pki.root(), pki.intermediate(), pki.untrustedRoot())) {
            crls.add(pki.currentCrl(ca).getEncoded());
        }
        SignatureValidator v = SignatureValidator.builder()
                .trust(new TrustStore(TrustAnchors.of(pki.root().certificate()),
                        TrustAnchors.of(pki.root().certificate(), pki.untrustedRoot().certificate())))
                .fetchSettings(FetchSettings.offlineOnly())
                .policyRegistry(PolicyRegistry.of(List.of(policy))).build();
        return v.validate(ValidationRequest.of("budget.p7s", cms).withDetachedContent(CONTENT)
                .withMaterial(ValidationMaterial.of(Origin.SUPPLIED, List.of(), crls, List.of())).at(at)).signatures().get(0);
    }

    static ConstraintOutcome rule(SignatureReport s, String name) {
        return s.signaturePolicy().rules().stream().filter(r -> r.description().startsWith(name)).findFirst().orElseThrow();
    }

    @Test
    void afterTheCautionPeriodATimestampFromAPolicyTsaPasses() throws Exception {
        SignatureReport s = validate(timestampedBy(pki.tsa()), 26);

        assertThat(s.indication()).as("%s", s.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(rule(s, "timeStampTrustCondition.ttsCertificateTrustTrees").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(rule(s, "timeStampTrustCondition.ttsRevReq.endCertRevReq eitherCheck").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(rule(s, "timeStampTrustCondition.ttsRevReq.caCerts clrCheck").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(rule(s, "timeStampTrustCondition.cautionPeriod").outcome()).isEqualTo(Outcome.PASSED);
        // the TSA trust point's pathLenConstraint 1: TSA <- issuing CA <- root
        assertThat(rule(s, "timeStampTrustCondition.ttsCertificateTrustTrees.pathLenConstraint 1").outcome())
                .isEqualTo(Outcome.PASSED);
        // ECDSA P-256 TSA, allowed by the example's tsaCertAlgorithmConstraints (ecdsaWithSHA256, 256)
        assertThat(rule(s, "algorithmConstraintSet.tsaCertAlgorithmConstraints").outcome()).isEqualTo(Outcome.PASSED);
        // the verifier rule of proofOfApproval: the signature-time-stamp is there
        assertThat(rule(s, "verifierRules.mandatedUnsignedAttr signature-time-stamp").outcome()).isEqualTo(Outcome.PASSED);
    }

    static RegisteredPolicy edited(String oid, java.util.function.UnaryOperator<String> edit) throws Exception {
        return SignaturePolicyRulesTest.examplePolicy(oid, pki.root().certificate(), edit);
    }

    static SignatureReport underPolicy(RegisteredPolicy p) throws Exception {
        return validate(timestampedBy(pki.tsa(), p), 26, p);
    }

    @Test
    void aTsaChainLongerThanTheTrustPointAllowsFails() throws Exception {
        SignatureReport s = underPolicy(edited("2.999.3125.99.30", json -> json.replace("\"pathLenConstraint\": 1",
                "\"pathLenConstraint\": 0")));

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.CHAIN_CONSTRAINTS_FAILURE);
        assertThat(rule(s, "timeStampTrustCondition.ttsCertificateTrustTrees.pathLenConstraint 0").outcome())
                .isEqualTo(Outcome.FAILED);
        assertThat(s.errors()).anyMatch(e -> e.contains("timeStampTrustCondition.ttsCertificateTrustTrees.pathLenConstraint 0"));
    }

    @Test
    void aTsaNamedInsideTtsNameConstraintsPasses() throws Exception {
        SignatureReport s = underPolicy(edited("2.999.3125.99.31", json -> json.replace("\"ttsRevReq\"",
                "\"ttsNameConstraints\": {\"permittedSubtrees\": [{\"base\": {\"directoryName\": \"C=DE,O=Vellum Test PKI\"}}]},"
                        + " \"ttsRevReq\"")));

        assertThat(s.indication()).as("%s", s.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(rule(s, "timeStampTrustCondition.ttsNameConstraints").outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void aTsaNamedOutsideTtsNameConstraintsFails() throws Exception {
        SignatureReport s = underPolicy(edited("2.999.3125.99.32", json -> json.replace("\"ttsRevReq\"",
                "\"ttsNameConstraints\": {\"permittedSubtrees\": [{\"base\": {\"directoryName\": \"C=DE,O=Trusted TSA Provider\"}}]},"
                        + " \"ttsRevReq\"")));

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.CHAIN_CONSTRAINTS_FAILURE);
        ConstraintOutcome r = rule(s, "timeStampTrustCondition.ttsNameConstraints");
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.detail()).contains("Vellum Test TSA");
        assertThat(s.errors()).anyMatch(e -> e.contains("timeStampTrustCondition.ttsNameConstraints"));
    }

    @Test
    void aTimestampSignedWithAnAlgorithmThePolicyDoesNotAllowFails() throws Exception {
        SignatureReport s = underPolicy(edited("2.999.3125.99.33", json -> json.replaceFirst(
                "(?s)\"tsaCertAlgorithmConstraints\"\\s*:\\s*\\[.*?\\]",
                "\"tsaCertAlgorithmConstraints\": [{\"algID\": \"sha256WithRSAEncryption\", \"minKeyLength\": 2048}]")));

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.CRYPTO_CONSTRAINTS_FAILURE);
        ConstraintOutcome r = rule(s, "algorithmConstraintSet.tsaCertAlgorithmConstraints");
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.detail()).contains("SHA256WITHECDSA").contains("256-bit EC key");
    }

    @Test
    void withinTheCautionPeriodTheAnswerIsTryLater() throws Exception {
        SignatureReport s = validate(timestampedBy(pki.tsa()), 3);

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.TRY_LATER);
        assertThat(rule(s, "timeStampTrustCondition.cautionPeriod").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(s.errors()).anyMatch(e -> e.contains("timeStampTrustCondition.cautionPeriod"));
    }

    @Test
    void aTsaOutsideThePolicysTrustTreesFailsTheRule() throws Exception {
        SignatureReport s = validate(timestampedBy(foreignTsa), 26);

        assertThat(s.timestamps()).singleElement().satisfies(t -> assertThat(t.indication()).isEqualTo(Indication.PASSED));
        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.CHAIN_CONSTRAINTS_FAILURE);
        assertThat(rule(s, "timeStampTrustCondition.ttsCertificateTrustTrees").outcome()).isEqualTo(Outcome.FAILED);
    }
    /**
     * {@link #timestampedBy} by the policy's TSA, then extended to B-LTA at t0 + 2 h with the archive
     * time-stamp from {@code archive} (offline, with the CRLs of then as validation data).
     */
    static byte[] archivedBy(Credential archive, RegisteredPolicy p) throws Exception {
        byte[] t = timestampedBy(pki.tsa(), p);
        Instant at = t0.plus(Duration.ofHours(2));
        clock.set(at);
        List<byte[]> crls = new ArrayList<>();
        for (Credential ca : List.of(pki.root(), pki.intermediate())) {
            crls.add(pki.currentCrl(ca).getEncoded());
        }
        SignatureValidator offline = SignatureValidator.builder()
                .trust(new TrustStore(TrustAnchors.of(pki.root().certificate()), TrustAnchors.of(pki.root().certificate())))
                .fetchSettings(FetchSettings.offlineOnly()).build();
        CadesExtender extender = CadesExtender.builder().clock(clock)
                .timestampSource((algorithm, digest) -> pki.timeStamp().tsa(archive).imprint(algorithm.asn1Oid(), digest)
                        .at(clock.instant()).build())
                .validationDataSource(new ValidationDataCollector(offline.services(),
                        ValidationMaterial.of(Origin.SUPPLIED, List.of(), crls, List.of())))
                .build();
        return extender.extend(new SignedDocumentReader().readDetached(t, SignedContent.of(CONTENT)), ExtensionTarget.LTA).cms();
    }

    /** The rule {@code name} as evaluated for the archive time-stamp. */
    static ConstraintOutcome archiveRule(SignatureReport s, String name) {
        return s.signaturePolicy().rules().stream().filter(r -> r.description().startsWith(name)
                && r.description().contains("archive time-stamp of")).findFirst().orElseThrow(
                () -> new AssertionError("no rule " + name + " for the archive time-stamp in " + s.signaturePolicy().rules()));
    }

    @Test
    void theTsaRulesHoldForTheArchiveTimestampOfAnLtaSignatureToo() throws Exception {
        SignatureReport s = validate(archivedBy(pki.tsa(), policy), 26);

        assertThat(s.level()).isEqualTo("CAdES-BASELINE-LTA");
        assertThat(s.indication()).as("%s", s.errors()).isEqualTo(Indication.TOTAL_PASSED);
        for (String name : List.of("timeStampTrustCondition.ttsCertificateTrustTrees",
                "timeStampTrustCondition.ttsCertificateTrustTrees.pathLenConstraint 1",
                "timeStampTrustCondition.ttsRevReq.endCertRevReq eitherCheck", "timeStampTrustCondition.ttsRevReq.caCerts clrCheck",
                "algorithmConstraintSet.tsaCertAlgorithmConstraints", "algorithmConstraintSet.eeCertAlgorithmConstraints",
                "algorithmConstraintSet.caCertAlgorithmConstraints")) {
            assertThat(archiveRule(s, name).outcome()).as(name).isEqualTo(Outcome.PASSED);
        }
        // the signature time-stamp's TSA chain is judged by eeCert/caCertAlgorithmConstraints as well
        assertThat(s.signaturePolicy().rules()).anySatisfy(r -> {
            assertThat(r.description()).startsWith("algorithmConstraintSet.eeCertAlgorithmConstraints (TSA chain of the signature"
                    + " time-stamp of");
            assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        });
        // cautionPeriod is about the signature time-stamp only (RFC 3125 TimestampTrustCondition)
        assertThat(s.signaturePolicy().rules()).noneMatch(r -> r.description().startsWith("timeStampTrustCondition.cautionPeriod")
                && r.description().contains("archive"));
    }

    @Test
    void anArchiveTsaNamedOutsideTtsNameConstraintsFailsNamingTheArchiveTimestamp() throws Exception {
        RegisteredPolicy p = edited("2.999.3125.99.34", json -> json.replace("\"ttsRevReq\"",
                "\"ttsNameConstraints\": {\"permittedSubtrees\": [{\"base\": {\"directoryName\": \"C=DE,O=Vellum Test PKI\"}}]},"
                        + " \"ttsRevReq\""));
        SignatureReport s = validate(archivedBy(archiveTsa, p), 26, p);

        // the signature time-stamp's TSA is inside the name space: only the archive time-stamp fails
        assertThat(rule(s, "timeStampTrustCondition.ttsNameConstraints").outcome()).isEqualTo(Outcome.PASSED);
        ConstraintOutcome r = archiveRule(s, "timeStampTrustCondition.ttsNameConstraints");
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.detail()).contains("Archive TSA");
        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.CHAIN_CONSTRAINTS_FAILURE);
        assertThat(s.errors()).anyMatch(e -> e.contains("timeStampTrustCondition.ttsNameConstraints (archive time-stamp of "
                + t0.plus(Duration.ofHours(2)) + ")"));
    }

    @Test
    void anArchiveTsaCertificateSignedWithAnAlgorithmEeCertConstraintsRefuseFails() throws Exception {
        RegisteredPolicy p = edited("2.999.3125.99.35", json -> json.replaceFirst(
                "(?s)\"eeCertAlgorithmConstraints\"\\s*:\\s*\\[.*?\\]",
                "\"eeCertAlgorithmConstraints\": [{\"algID\": \"ecdsaWithSHA256\", \"minKeyLength\": 256}]"));
        SignatureReport s = validate(archivedBy(archiveTsa, p), 26, p);

        // the signer's and the signature TSA's certificates (SHA256withECDSA) pass, the archive TSA's (SHA384withECDSA) not
        assertThat(rule(s, "algorithmConstraintSet.eeCertAlgorithmConstraints").outcome()).isEqualTo(Outcome.PASSED);
        ConstraintOutcome r = archiveRule(s, "algorithmConstraintSet.eeCertAlgorithmConstraints");
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.description()).contains("TSA chain of the archive time-stamp of " + t0.plus(Duration.ofHours(2)));
        assertThat(r.detail()).contains("Archive TSA").contains("SHA384withECDSA");
        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.CRYPTO_CONSTRAINTS_FAILURE);
        assertThat(s.errors()).anyMatch(e -> e.contains("eeCertAlgorithmConstraints (TSA chain of the archive time-stamp"));
    }
    @Test
    void aContentTimestampFromATsaOutsideTtsNameConstraintsFailsNamingTheContentTimestamp() throws Exception {
        RegisteredPolicy p = edited("2.999.3125.99.37", json -> json.replace("\"ttsRevReq\"",
                "\"ttsNameConstraints\": {\"permittedSubtrees\": [{\"base\": {\"directoryName\": \"C=DE,O=Vellum Test PKI\"}}]},"
                        + " \"ttsRevReq\""));
        Instant signedAt = t0.plus(Duration.ofHours(1));
        Instant contentAt = signedAt.minus(Duration.ofMinutes(5));
        clock.set(contentAt);
        Attribute contentTimestamp = new Attribute(new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.20"), new DERSet(
                pki.timeStamp().tsa(archiveTsa).data(CONTENT).at(contentAt).build().toCMSSignedData().toASN1Structure()));
        clock.set(signedAt);
        List<Attribute> attrs = signedAttributes(signedAt, p);
        attrs.add(contentTimestamp);
        byte[] b = TestSignatures.withSignedAttributes(signer, CONTENT, attrs, signer.chain().subList(0, 2));
        byte[] cms = TestSignatures.withSignatureTimestamp(b, pki.timeStamp().tsa(pki.tsa())
                .data(TestSignatures.signatureValue(b)).at(signedAt).build());

        SignatureReport s = validate(cms, 26, p);

        assertThat(rule(s, "timeStampTrustCondition.ttsNameConstraints").outcome()).isEqualTo(Outcome.PASSED);
        ConstraintOutcome r = s.signaturePolicy().rules().stream().filter(o -> o.description().startsWith(
                "timeStampTrustCondition.ttsNameConstraints (content time-stamp of " + contentAt + ")")).findFirst().orElseThrow();
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.detail()).contains("Archive TSA");
        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.CHAIN_CONSTRAINTS_FAILURE);
        assertThat(s.errors()).anyMatch(e -> e.contains("(content time-stamp of " + contentAt + ")"));
    }
}
