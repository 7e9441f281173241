package dev.vellum.validation.dss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.create.SigningKey;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.timestamping.http.HttpTimestampClient;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.data.ValidationDataCollector;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.trust.TrustAnchors;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Signatures Vellum makes (es-formats' signer and extender, with this module's
 * {@link ValidationDataCollector} supplying the LT data) validated offline by DSS and by Vellum.
 */
class VellumMadeSignaturesTest {

    static final TestPki PKI = TestPki.shared();

    @ParameterizedTest
    @EnumSource(ExtensionTarget.class)
    void dssAndVellumAgreeOnVellumMadeSignatures(ExtensionTarget target) {
        Credential signer = PKI.signer(KeyType.ECDSA_P256);
        SignatureValidator online = SignatureValidator.builder().trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .cryptoPolicy(CryptoSuitabilityPolicy.dssShipped())
                .fetchSettings(FetchSettings.builder().allowHost("127.0.0.1").build()).build();
        byte[] b = CadesSigner.builder(SigningKey.of(signer.privateKey(), signer.chain())).build()
                .signDetached(SignedContent.of(DssAgreementTest.CONTENT));
        CadesExtender extender = CadesExtender.builder()
                .timestampSource(HttpTimestampClient.builder(PKI.services().tsaUrl()).build())
                .validationDataSource(new ValidationDataCollector(online.services(), ValidationMaterial.empty()))
                .build();
        byte[] extended = extender.extend(new SignedDocumentReader().readDetached(b,
                SignedContent.of(DssAgreementTest.CONTENT)), target).cms();
        boolean online_ = target == ExtensionTarget.T;

        Dss.Verdict dss = Dss.validate(extended, DssAgreementTest.CONTENT, DssAgreementTest.now().plusSeconds(2),
                PKI.trustAnchors(), online_, Map.of());
        SignatureValidator ours = SignatureValidator.builder().trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .cryptoPolicy(CryptoSuitabilityPolicy.dssShipped())
                .fetchSettings(online_ ? FetchSettings.builder().allowHost("127.0.0.1").build() : FetchSettings.offlineOnly())
                .build();
        SignatureReport s = ours.validate(ValidationRequest.of("v.p7s", extended)
                .withDetachedContent(DssAgreementTest.CONTENT).at(DssAgreementTest.now().plusSeconds(2))).signatures().get(0);

        assertThat(dss.toString()).isEqualTo("TOTAL_PASSED/null");
        assertThat(s.indication().name()).as("%s %s", s.errors(), s.warnings()).isEqualTo("TOTAL_PASSED");
        assertThat(s.level()).isEqualTo("CAdES-BASELINE-" + target.name());
    }
}
