package dev.vellum.validation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.formats.ValidationData;
import dev.vellum.formats.ValidationDataSource;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.ValidationException;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.support.TestSignatures;
import dev.vellum.validation.trust.TrustAnchors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ValidationDataSource es-formats' LT extension calls: chains and revocation data, fetched once. */
class ValidationDataCollectorTest {

    static final TestPki PKI = TestPki.shared();
    static final byte[] CONTENT = "to be made long-term".getBytes(StandardCharsets.UTF_8);

    static SignatureValidator online() {
        return SignatureValidator.builder().trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .cryptoPolicy(CryptoSuitabilityPolicy.dssShipped())
                .fetchSettings(FetchSettings.builder().allowHost("127.0.0.1").build()).build();
    }

    @Test
    void suppliesChainsAndRevocationDataForSignerAndTsa() {
        Credential signer = PKI.signer(KeyType.ECDSA_P256);
        ValidationDataSource source = new ValidationDataCollector(online().services(), ValidationMaterial.empty());

        ValidationData data = source.validationData(new ValidationDataSource.Request(
                List.of(signer.certificate(), PKI.tsa().certificate()), List.of(signer.certificate()), PKI.clock().instant()));

        assertThat(data.certificates()).contains(signer.certificate(), PKI.intermediate().certificate(),
                PKI.root().certificate(), PKI.tsa().certificate());
        assertThat(data.crls().size() + data.ocspResponses().size()).isGreaterThanOrEqualTo(3);

        // What it supplied is enough to validate the signature offline.
        byte[] cms = TestSignatures.cadesB(signer, CONTENT, PKI.clock().instant(), List.of(signer.certificate()));
        SignatureValidator offline = SignatureValidator.builder().trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .fetchSettings(FetchSettings.offlineOnly()).build();
        var report = offline.validate(ValidationRequest.of("s.p7s", cms).withDetachedContent(CONTENT)
                .withMaterial(ValidationMaterial.of(Origin.SUPPLIED, data)));
        assertThat(report.signatures().get(0).indication()).as("%s", report.signatures().get(0).errors())
                .isEqualTo(Indication.TOTAL_PASSED);
        // and the objects a validation used come back in the same form
        assertThat(ValidationDataCollector.usedBy(report).certificates()).contains(signer.certificate());
    }

    @Test
    void anUntrustedTargetIsRefusedWithItsName() {
        ValidationDataSource source = new ValidationDataCollector(online().services(), ValidationMaterial.empty());
        assertThatThrownBy(() -> source.validationData(new ValidationDataSource.Request(
                List.of(PKI.untrustedSigner().certificate()), List.of(), PKI.clock().instant())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Untrusted Signer");
    }

    /** EN 319 122-1 §5.5.3: what an earlier archive time-stamp protects needs no fresh data when it is renewed. */
    @Test
    void alreadyProtectedCertificatesGetTheirChainAndAreNeverAReasonToFail() {
        Credential expired = PKI.expiredSigner();
        SignatureValidator offline = SignatureValidator.builder().trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .fetchSettings(FetchSettings.offlineOnly()).build();
        ValidationDataSource source = new ValidationDataCollector(offline.services(), ValidationMaterial.empty());

        ValidationData data = source.validationData(new ValidationDataSource.Request(List.of(), expired.chain(),
                PKI.clock().instant(), List.of(expired.certificate())));
        assertThat(data.certificates()).contains(expired.certificate(), PKI.intermediate().certificate());
        assertThat(data.hasRevocationData()).isFalse();

        assertThatThrownBy(() -> source.validationData(new ValidationDataSource.Request(
                List.of(expired.certificate()), expired.chain(), PKI.clock().instant())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no fresh revocation data")
                .hasMessageContaining("Expired Signer");
    }

    @Test
    void aProtectedCertificateStillValidGetsFreshRevocationDataButAnExpiredOneNone() {
        Credential valid = PKI.signer(KeyType.ECDSA_P256);
        Credential expired = PKI.expiredSigner();
        ValidationDataSource source = new ValidationDataCollector(online().services(), ValidationMaterial.empty());

        ValidationData data = source.validationData(new ValidationDataSource.Request(List.of(), List.of(),
                PKI.clock().instant(), List.of(valid.certificate(), expired.certificate())));
        List<java.math.BigInteger> answered = data.ocspResponses().stream()
                .flatMap(o -> java.util.Arrays.stream(o.basic().getResponses()))
                .map(r -> r.getCertID().getSerialNumber()).toList();
        assertThat(answered).contains(valid.certificate().getSerialNumber())
                .doesNotContain(expired.certificate().getSerialNumber());
        assertThat(data.certificates()).contains(expired.certificate());
    }
}
