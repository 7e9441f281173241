package dev.vellum.validation.dss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.pki.TestPki;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.trust.TrustAnchors;
import org.junit.jupiter.api.Test;

/**
 * Where Vellum knowingly differs from DSS 6.3, each case checked on both sides so the difference
 * stays visible and deliberate.
 */
class DssDivergenceTest {

    static final TestPki PKI = TestPki.shared();

    static SignatureReport ours(byte[] signature) {
        return SignatureValidator.builder().trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .cryptoPolicy(CryptoSuitabilityPolicy.dssShipped())
                .fetchSettings(FetchSettings.builder().allowHost("127.0.0.1").build()).build()
                .validate(ValidationRequest.of("s.p7s", signature).withDetachedContent(DssAgreementTest.CONTENT)
                        .at(DssAgreementTest.now().plusSeconds(2))).signatures().get(0);
    }

    static Dss.Verdict dss(byte[] signature) {
        return Dss.validate(signature, DssAgreementTest.CONTENT, DssAgreementTest.now().plusSeconds(2),
                PKI.trustAnchors(), true, java.util.Map.of());
    }

    /**
     * A certificate used after it expired. DSS accepts no CRL or OCSP response issued after the expiry
     * and stops at "no acceptable revocation data" (CERTIFICATE_CHAIN_GENERAL_FAILURE). Vellum follows
     * RFC 5280 §6.1.3 (a), which checks the validity period before the revocation status, and the
     * verdict issue 6 requires for the OpenSSL corpus's expired case: OUT_OF_BOUNDS_NO_POE, which the
     * long-term processes can resolve with a proof of existence.
     */
    @Test
    void expiredSignerIsOutOfBoundsNotAGeneralFailure() {
        byte[] sig = DssAgreementTest.b(PKI.expiredSigner());
        assertThat(dss(sig).toString()).isEqualTo("INDETERMINATE/CERTIFICATE_CHAIN_GENERAL_FAILURE");
        assertThat(ours(sig).subIndication().name()).isEqualTo("OUT_OF_BOUNDS_NO_POE");
    }

    /**
     * Ed25519 (RFC 8419). DSS 6.3's default policy does not accept EdDSA signatures
     * (CRYPTO_CONSTRAINTS_FAILURE_NO_POE); ETSI TS 119 312 lists EdDSA as suitable and Vellum's tables
     * (both its default and its copy of DSS's dates) accept it.
     */
    @Test
    void ed25519IsAccepted() {
        dev.vellum.testkit.pki.Credential signer = PKI.signer(dev.vellum.testkit.pki.KeyType.ED25519);
        byte[] sig = Dss.sign(signer, DssAgreementTest.chain(signer), DssAgreementTest.CONTENT,
                eu.europa.esig.dss.enumerations.SignatureLevel.CAdES_BASELINE_B, null, PKI.trustAnchors(),
                DssAgreementTest.now(), eu.europa.esig.dss.enumerations.DigestAlgorithm.SHA512, null);
        assertThat(dss(sig).toString()).isEqualTo("INDETERMINATE/CRYPTO_CONSTRAINTS_FAILURE_NO_POE");
        assertThat(ours(sig).indication().name()).isEqualTo("TOTAL_PASSED");
    }

    /**
     * A signature whose sigPolicyHash does not match the policy document it names. EN 319 102-1
     * Table 6 makes a policy that cannot be processed (a digest mismatch included) INDETERMINATE/
     * POLICY_PROCESSING_ERROR, which Vellum returns; DSS 6.3's default policy only warns.
     */
    @Test
    void policyHashMismatchIsAPolicyProcessingError() {
        DssAgreementTest.Case c = TimeTravel.policyHashMismatch();
        assertThat(Dss.validate(c.signature(), c.content(), c.at(), c.anchors(), true, c.policies()).toString())
                .isEqualTo("TOTAL_PASSED/null");
        byte[] der = c.policies().values().iterator().next();
        SignatureReport s = SignatureValidator.builder().trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .cryptoPolicy(CryptoSuitabilityPolicy.dssShipped())
                .policyRegistry(dev.vellum.policy.PolicyRegistry.of(java.util.List.of(
                        dev.vellum.policy.RegisteredPolicy.fromDer(der, java.util.List.of(), null, "example"))))
                .fetchSettings(FetchSettings.builder().allowHost("127.0.0.1").build()).build()
                .validate(ValidationRequest.of("s.p7s", c.signature()).withDetachedContent(c.content()).at(c.at()))
                .signatures().get(0);
        assertThat(s.subIndication().name()).isEqualTo("POLICY_PROCESSING_ERROR");
    }

    /**
     * A signing certificate whose key usage allows neither digitalSignature nor nonRepudiation. DSS's
     * default policy only warns; Vellum applies the X.509 constraint for the signer role (EN 319 412-2
     * §4.3.2) and reports CHAIN_CONSTRAINTS_FAILURE, as issue 6 requires for the corpus's BAD-KEYUSAGE case.
     */
    @Test
    void signerWithoutSigningKeyUsageFailsTheChainConstraints() {
        byte[] sig = DssAgreementTest.b(PKI.noSigningKeyUsageSigner());
        assertThat(dss(sig).toString()).isEqualTo("TOTAL_PASSED/null");
        assertThat(ours(sig).subIndication().name()).isEqualTo("CHAIN_CONSTRAINTS_FAILURE");
    }
}
