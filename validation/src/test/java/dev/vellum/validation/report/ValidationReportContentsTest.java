package dev.vellum.validation.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.pki.CertificateProfile;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.time.MutableClock;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.revocation.RevocationStatus;
import dev.vellum.validation.support.TestSignatures;
import dev.vellum.validation.trust.TrustAnchors;
import dev.vellum.validation.trust.TrustStore;
import dev.vellum.validation.x509.Fingerprints;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a {@link ValidationReport} tells an auditor about a time-stamped signature: the chain with each
 * certificate's status, the time-stamp with its TSA chain, the proofs of existence, every constraint
 * with its outcome and the validation policy used — and that signing and time-stamping anchors are
 * kept apart when configured so (the TSA here chains to a root of its own).
 */
class ValidationReportContentsTest {

    static final byte[] CONTENT = "ledger".getBytes(StandardCharsets.UTF_8);
    static TestPki pki;
    static Credential signer;
    static Credential tsa;
    static Instant signedAt;
    static Instant at;
    static byte[] cms;
    static ValidationMaterial crls;

    @BeforeAll
    static void make() throws Exception {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MutableClock clock = MutableClock.at(t0);
        pki = TestPki.builder().clock(clock).build();
        signer = pki.signer(KeyType.ECDSA_P256);
        // A TSA under a root of its own (the testkit's "untrusted" root), trusted only for time-stamping.
        tsa = pki.issue("own-tsa").issuer(pki.untrustedRoot()).profile(CertificateProfile.TSA).keyType(KeyType.ECDSA_P256)
                .validity(t0.minus(Duration.ofDays(10)), t0.plus(Duration.ofDays(400))).build();
        signedAt = t0.plus(Duration.ofMinutes(10));
        clock.set(signedAt);
        byte[] b = TestSignatures.cadesB(signer, CONTENT, signedAt, signer.chain().subList(0, 2));
        cms = TestSignatures.withSignatureTimestamp(b,
                pki.timeStamp().tsa(tsa).data(TestSignatures.signatureValue(b)).at(signedAt).build());
        clock.set(t0.plus(Duration.ofMinutes(20)));
        crls = ValidationMaterial.of(Origin.SUPPLIED, List.of(), List.of(pki.currentCrl(pki.intermediate()).getEncoded(),
                pki.currentCrl(pki.root()).getEncoded(), pki.currentCrl(pki.untrustedRoot()).getEncoded()), List.of());
        at = t0.plus(Duration.ofMinutes(30));
    }

    @AfterAll
    static void close() {
        pki.close();
    }

    static ValidationReport validate(TrustStore trust) {
        return SignatureValidator.builder().trust(trust).fetchSettings(FetchSettings.offlineOnly())
                .cryptoPolicy(CryptoSuitabilityPolicy.ts119312()).build()
                .validate(ValidationRequest.of("ledger.p7s", cms).withDetachedContent(CONTENT).withMaterial(crls).at(at));
    }

    static TrustStore separate() {
        return new TrustStore(TrustAnchors.of(pki.root().certificate()), TrustAnchors.of(pki.untrustedRoot().certificate()));
    }

    @Test
    void theReportCarriesChainTimestampsPoesConstraintsAndPolicy() {
        ValidationReport r = validate(separate());
        SignatureReport s = r.signatures().get(0);

        assertThat(s.indication()).as("%s", s.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(r.validationTime()).isEqualTo(at);
        assertThat(s.bestSignatureTime()).isEqualTo(signedAt);
        // chain: signer, CA, anchor, each with role and status; the revocation data that decided is an object of the report
        assertThat(s.chain()).extracting(CertificateReport::role).containsExactly("SIGNER", "CA", "TRUST_ANCHOR");
        assertThat(s.chain().get(0).id()).isEqualTo(Fingerprints.of(signer.certificate()));
        assertThat(s.chain().subList(0, 2)).allSatisfy(c -> {
            assertThat(c.revocationStatus()).isEqualTo(RevocationStatus.GOOD);
            assertThat(c.indication()).isEqualTo(Indication.PASSED);
            assertThat(c.revocationDataIds()).isNotEmpty().allSatisfy(id -> assertThat(r.object(id))
                    .hasValueSatisfying(o -> assertThat(o.type()).isEqualTo(ValidationObject.Type.CRL)));
        });
        assertThat(s.chain().get(2).trustAnchor()).isTrue();
        assertThat(s.chain().get(2).revocationStatus()).isNull();
        // the time-stamp with its own TSA chain, ending at the time-stamping anchor
        assertThat(s.timestamps()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo("SIGNATURE");
            assertThat(t.genTime()).isEqualTo(signedAt);
            assertThat(t.indication()).isEqualTo(Indication.PASSED);
            assertThat(t.chain()).extracting(CertificateReport::role).containsExactly("TSA", "TRUST_ANCHOR");
            assertThat(t.chain().get(1).id()).isEqualTo(Fingerprints.of(pki.untrustedRoot().certificate()));
        });
        // the proof of existence the time-stamp gives the signature
        assertThat(s.poes()).anySatisfy(p -> {
            assertThat(p.time()).isEqualTo(signedAt);
            assertThat(p.type()).isEqualTo("validation");
        });
        // constraints with their outcomes
        assertThat(s.constraints()).extracting(ConstraintOutcome::id)
                .contains("format", "signing-certificate", "x509", "crypto-verification", "crypto.signature",
                        "best-signature-time", "revocation-after-best-signature-time");
        assertThat(s.constraints()).noneMatch(c -> c.outcome() == Outcome.FAILED);
        // the policy used
        assertThat(r.policy().name()).isEqualTo(SignatureValidator.POLICY_NAME);
        assertThat(r.policy().cryptoPolicy()).isEqualTo(CryptoSuitabilityPolicy.ts119312().name());
        assertThat(r.policy().certificateModel()).isEqualTo("SHELL");
        assertThat(r.policy().offline()).isTrue();
        // the same validation gives the same report: objects in a stable order (certificates, CRLs, ..., each by id)
        assertThat(r.objects()).isSortedAccordingTo(java.util.Comparator.comparing(ValidationObject::type)
                .thenComparing(ValidationObject::id));
        assertThat(r.objects()).extracting(ValidationObject::type).contains(ValidationObject.Type.CERTIFICATE,
                ValidationObject.Type.CRL, ValidationObject.Type.TIMESTAMP);
    }

    @Test
    void aTsaAnchoredOnlyForSigningIsNotTrustedForTimestamps() {
        ValidationReport r = validate(new TrustStore(
                TrustAnchors.of(pki.root().certificate(), pki.untrustedRoot().certificate()), TrustAnchors.of(pki.root().certificate())));
        SignatureReport s = r.signatures().get(0);

        assertThat(s.timestamps()).singleElement().satisfies(t -> {
            assertThat(t.indication()).isEqualTo(Indication.INDETERMINATE);
            assertThat(t.subIndication()).isEqualTo(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
        });
        // without an accepted time-stamp the signature is proven only at the validation time
        assertThat(s.bestSignatureTime()).isEqualTo(at);
    }

    @Test
    void aSignerAnchoredOnlyForTimestampingIsNotTrusted() {
        ValidationReport r = validate(new TrustStore(TrustAnchors.of(pki.untrustedRoot().certificate()),
                TrustAnchors.of(pki.root().certificate(), pki.untrustedRoot().certificate())));
        SignatureReport s = r.signatures().get(0);

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
        assertThat(s.timestamps()).singleElement().satisfies(t -> assertThat(t.indication()).isEqualTo(Indication.PASSED));
    }
}
