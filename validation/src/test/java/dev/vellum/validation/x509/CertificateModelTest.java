package dev.vellum.validation.x509;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.pki.CertificateProfile;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.time.MutableClock;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.support.TestSignatures;
import dev.vellum.validation.trust.TrustAnchors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shell and chain models: a CA that expired after issuing a still-valid signer certificate. */
class CertificateModelTest {

    static final byte[] CONTENT = "model".getBytes(StandardCharsets.UTF_8);

    @Test
    void theChainModelAcceptsACaThatWasValidWhenItIssued() {
        MutableClock clock = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (TestPki pki = TestPki.builder().clock(clock).build()) {
            Instant t0 = clock.instant();
            Credential ca = pki.issue("short-lived-ca").issuer(pki.root()).profile(CertificateProfile.CA)
                    .subject("CN=Short Lived CA, O=Vellum Test PKI, C=DE")
                    .validity(t0.minus(Duration.ofDays(365)), t0.plus(Duration.ofDays(30))).build();
            Credential signer = pki.issue("outliving-signer").issuer(ca).subject("CN=Outliving Signer, O=Vellum Test PKI, C=DE")
                    .validity(t0.minus(Duration.ofDays(10)), t0.plus(Duration.ofDays(365))).build();
            byte[] cms = TestSignatures.cadesB(signer, CONTENT, t0, List.of(signer.certificate(), ca.certificate()));
            clock.set(t0.plus(Duration.ofDays(60)));
            ValidationRequest request = ValidationRequest.of("s.p7s", cms).withDetachedContent(CONTENT).at(clock.instant());

            SignatureReport shell = validator(pki, CertificateModel.SHELL).validate(request).signatures().get(0);
            assertThat(shell.indication()).isEqualTo(Indication.INDETERMINATE);
            assertThat(shell.subIndication()).isEqualTo(SubIndication.OUT_OF_BOUNDS_NO_POE);

            SignatureReport chain = validator(pki, CertificateModel.CHAIN).validate(request).signatures().get(0);
            assertThat(chain.indication()).as("%s", chain.errors()).isEqualTo(Indication.TOTAL_PASSED);
        }
    }

    static SignatureValidator validator(TestPki pki, CertificateModel model) {
        return SignatureValidator.builder().trustAnchors(TrustAnchors.of(pki.trustAnchors())).certificateModel(model)
                .fetchSettings(FetchSettings.builder().allowHost("127.0.0.1").build()).build();
    }
}
