package dev.vellum.validation.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.services.FailureMode;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.report.ValidationObject;
import dev.vellum.validation.report.ValidationReport;
import dev.vellum.validation.support.TestSignatures;
import dev.vellum.validation.trust.TrustAnchors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Revocation online against the testkit's live CRL, OCSP and caIssuers services, and the same offline. */
class OnlineRevocationTest {

    static final TestPki PKI = TestPki.shared();
    static final byte[] CONTENT = "quarterly report".getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void cleanLogs() {
        PKI.services().resetAll();
        PKI.services().all().forEach(s -> s.clearRequests());
    }

    static SignatureValidator online() {
        return SignatureValidator.builder()
                .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .fetchSettings(FetchSettings.builder().allowHost("127.0.0.1").readTimeout(Duration.ofSeconds(3)).build())
                .build();
    }

    static byte[] signedBy(Credential signer, boolean withIntermediate) {
        return TestSignatures.cadesB(signer, CONTENT, PKI.clock().instant(),
                withIntermediate ? signer.chain().subList(0, 2) : List.of(signer.certificate()));
    }

    static ValidationRequest request(byte[] cms) {
        return ValidationRequest.of("sig.p7s", cms).withDetachedContent(CONTENT);
    }

    @Test
    void validSignatureIsCheckedOnlineAndPasses() {
        ValidationReport r = online().validate(request(signedBy(PKI.signer(KeyType.ECDSA_P256), true)));

        SignatureReport s = r.signatures().get(0);
        assertThat(s.indication()).as("%s", s.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(PKI.services().ocsp().requestCount() + PKI.services().crl().requestCount()).isPositive();
        assertThat(r.objects()).anyMatch(o -> o.origin() == Origin.FETCHED
                && (o.type() == ValidationObject.Type.OCSP_RESPONSE || o.type() == ValidationObject.Type.CRL));
        assertThat(s.chain().get(0).revocationStatus()).isEqualTo(RevocationStatus.GOOD);
    }

    @Test
    void theSameSignatureOfflineUsesOnlyWhatItIsGiven() {
        byte[] cms = signedBy(PKI.signer(KeyType.ECDSA_P256), true);
        ValidationReport first = online().validate(request(cms));
        List<byte[]> ocsp = first.objects().stream().filter(o -> o.type() == ValidationObject.Type.OCSP_RESPONSE)
                .map(ValidationObject::encoded).toList();
        List<byte[]> crls = first.objects().stream().filter(o -> o.type() == ValidationObject.Type.CRL)
                .map(ValidationObject::encoded).toList();
        PKI.services().all().forEach(s -> s.clearRequests());

        SignatureValidator offline = SignatureValidator.builder().trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .fetchSettings(FetchSettings.offlineOnly()).build();
        ValidationReport bare = offline.validate(request(cms));
        assertThat(bare.signatures().get(0).indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(bare.signatures().get(0).subIndication()).isEqualTo(SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE);

        ValidationReport supplied = offline.validate(request(cms)
                .withMaterial(ValidationMaterial.of(Origin.SUPPLIED, List.of(), crls, ocsp)));
        assertThat(supplied.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(PKI.services().all()).allSatisfy(s -> assertThat(s.requests()).as(s.name()).isEmpty());
        assertThat(supplied.policy().offline()).isTrue();
    }

    @Test
    void aUrlOutsideTheAllowListIsNeverContacted() {
        SignatureValidator elsewhere = SignatureValidator.builder()
                .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .fetchSettings(FetchSettings.builder().allowHost("crl.example.org").allowHost("localhost").build())
                .build();

        ValidationReport r = elsewhere.validate(request(signedBy(PKI.signer(KeyType.ECDSA_P256), false)));

        assertThat(PKI.services().all()).allSatisfy(s -> assertThat(s.requests()).as(s.name()).isEmpty());
        assertThat(r.signatures().get(0).indication()).isEqualTo(Indication.INDETERMINATE);
    }

    @Test
    void revokedSignerIsRevokedNoPoeOnline() {
        ValidationReport r = online().validate(request(signedBy(PKI.revokedSigner(), true)));
        SignatureReport s = r.signatures().get(0);
        assertThat(s.subIndication()).isEqualTo(SubIndication.REVOKED_NO_POE);
        assertThat(s.chain().get(0).revocationTime()).isEqualTo(PKI.revocationTime());
        assertThat(s.chain().get(0).revocationReason()).isEqualTo("keyCompromise");
    }

    @Test
    void missingIntermediateIsFetchedFromCaIssuers() {
        byte[] cms = signedBy(PKI.signer(KeyType.ECDSA_P256), false);
        ValidationReport r = online().validate(request(cms));
        assertThat(r.signatures().get(0).indication()).as("%s", r.signatures().get(0).errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(PKI.services().caIssuers().requestCount()).isPositive();
        assertThat(r.objects()).anyMatch(o -> o.type() == ValidationObject.Type.CERTIFICATE && o.origin() == Origin.FETCHED);
    }

    @Test
    void responsesAreCachedUntilNextUpdate() {
        SignatureValidator v = online();
        byte[] cms = signedBy(PKI.signer(KeyType.ECDSA_P256), true);
        v.validate(request(cms));
        int afterFirst = PKI.services().ocsp().requestCount() + PKI.services().crl().requestCount();
        v.validate(request(cms));
        assertThat(PKI.services().ocsp().requestCount() + PKI.services().crl().requestCount()).isEqualTo(afterFirst);
    }

    @Test
    void misbehavingRespondersLeaveTheStatusUndeterminedNotAnException() {
        PKI.services().ocsp().failWith(FailureMode.GARBAGE);
        PKI.services().crl().failWith(FailureMode.HTML_ERROR_PAGE);
        ValidationReport r = online().validate(request(signedBy(PKI.signer(KeyType.ECDSA_P256), true)));
        assertThat(r.signatures().get(0).subIndication()).isEqualTo(SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE);
        assertThat(r.signatures().get(0).warnings()).isNotEmpty();
    }
}
