package dev.vellum.validation.x509;

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
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.support.TestSignatures;
import dev.vellum.validation.trust.TrustAnchors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 5280 structure (through the JDK's PKIX validator) and key usage per role: a path longer than a
 * CA's pathLenConstraint and a time-stamp signed by a certificate without the timeStamping purpose are
 * CHAIN_CONSTRAINTS_FAILURE, while the same signer under a conforming chain passes.
 */
class ChainConstraintsTest {

    static final byte[] CONTENT = "order".getBytes(StandardCharsets.UTF_8);
    static TestPki pki;
    static MutableClock clock;
    static Credential subCa;
    static Credential deepSigner;

    @BeforeAll
    static void make() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock = MutableClock.at(t0);
        pki = TestPki.builder().clock(clock).tsaKeyType(KeyType.ECDSA_P256).build();
        // the intermediate has pathLenConstraint 0: it may not issue another CA
        subCa = pki.issue("sub-ca").issuer(pki.intermediate()).profile(CertificateProfile.CA)
                .validity(t0.minus(Duration.ofDays(1)), t0.plus(Duration.ofDays(300))).build();
        deepSigner = pki.issue("deep-signer").issuer(subCa)
                .validity(t0.minus(Duration.ofDays(1)), t0.plus(Duration.ofDays(200))).build();
        clock.set(t0.plus(Duration.ofMinutes(5)));
    }

    @AfterAll
    static void close() {
        pki.close();
    }

    static SignatureReport validate(byte[] cms) throws Exception {
        List<byte[]> crls = new ArrayList<>();
        for (Credential ca : List.of(pki.root(), pki.intermediate(), subCa)) {
            crls.add(pki.currentCrl(ca).getEncoded());
        }
        return SignatureValidator.builder().trustAnchors(TrustAnchors.of(pki.trustAnchors()))
                .fetchSettings(FetchSettings.offlineOnly()).build()
                .validate(ValidationRequest.of("order.p7s", cms).withDetachedContent(CONTENT)
                        .withMaterial(ValidationMaterial.of(Origin.SUPPLIED, List.of(), crls, List.of()))
                        .at(clock.instant().plusSeconds(60)))
                .signatures().get(0);
    }

    @Test
    void aPathBeyondTheCasPathLengthIsAChainConstraintsFailure() throws Exception {
        byte[] cms = TestSignatures.cadesB(deepSigner, CONTENT, clock.instant(), List.of(deepSigner.certificate(),
                subCa.certificate(), pki.intermediate().certificate()));

        SignatureReport s = validate(cms);

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.CHAIN_CONSTRAINTS_FAILURE);
    }

    @Test
    void aTimestampFromACertificateWithoutTimeStampingIsNotAccepted() throws Exception {
        Credential signer = pki.signer(KeyType.ECDSA_P256);
        byte[] b = TestSignatures.cadesB(signer, CONTENT, clock.instant(), signer.chain().subList(0, 2));
        assertThat(validate(b).indication()).as("the conforming chain passes").isEqualTo(Indication.TOTAL_PASSED);

        byte[] cms = TestSignatures.withSignatureTimestamp(b, pki.timeStamp().tsa(signer)
                .data(TestSignatures.signatureValue(b)).build());
        SignatureReport s = validate(cms);

        assertThat(s.timestamps()).singleElement().satisfies(t -> {
            assertThat(t.indication()).isEqualTo(Indication.INDETERMINATE);
            assertThat(t.subIndication()).isEqualTo(SubIndication.CHAIN_CONSTRAINTS_FAILURE);
        });
    }
}
