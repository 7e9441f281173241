package dev.vellum.validation.process;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.vellum.validation.report.Outcome;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.support.TestSignatures;
import dev.vellum.validation.trust.TrustAnchors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EN 319 102-1 §5.5.4 with §5.2.5: a time-stamped signature needs revocation data for its signing
 * certificate issued after best-signature-time; a CRL from before the time-stamp, though still within
 * its nextUpdate, cannot show the key was not compromised before the signature was made.
 */
class RevocationFreshnessTest {

    static final byte[] CONTENT = "contract".getBytes(StandardCharsets.UTF_8);
    static MutableClock clock;
    static TestPki pki;
    static Credential signer;
    static Instant t0;
    static byte[][] staleCrls;
    static byte[][] freshCrls;
    static byte[] timestamped;
    static byte[] basic;

    @BeforeAll
    static void make() throws Exception {
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock = MutableClock.at(t0);
        pki = TestPki.builder().clock(clock).tsaKeyType(KeyType.ECDSA_P256).build();
        signer = pki.signer(KeyType.ECDSA_P256);
        staleCrls = new byte[][] {pki.currentCrl(pki.intermediate()).getEncoded(), pki.currentCrl(pki.root()).getEncoded()};
        clock.set(t0.plus(Duration.ofHours(1)));
        basic = TestSignatures.cadesB(signer, CONTENT, clock.instant(), signer.chain().subList(0, 2));
        timestamped = TestSignatures.withSignatureTimestamp(basic,
                pki.timeStamp().data(TestSignatures.signatureValue(basic)).at(clock.instant()).build());
        clock.set(t0.plus(Duration.ofMinutes(90)));
        freshCrls = new byte[][] {pki.currentCrl(pki.intermediate()).getEncoded(), pki.currentCrl(pki.root()).getEncoded()};
    }

    @AfterAll
    static void close() {
        pki.close();
    }

    static SignatureReport validate(byte[] cms, byte[]... crls) {
        SignatureValidator offline = SignatureValidator.builder().trustAnchors(TrustAnchors.of(pki.trustAnchors()))
                .fetchSettings(FetchSettings.offlineOnly()).build();
        return offline.validate(ValidationRequest.of("contract.p7s", cms).withDetachedContent(CONTENT)
                .withMaterial(ValidationMaterial.of(Origin.SUPPLIED, List.of(), List.of(crls), List.of()))
                .at(t0.plus(Duration.ofHours(2)))).signatures().get(0);
    }

    @Test
    void revocationDataFromBeforeTheSignatureTimestampIsNotEnough() {
        SignatureReport s = validate(timestamped, staleCrls);

        assertThat(s.bestSignatureTime()).isEqualTo(t0.plus(Duration.ofHours(1)));
        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.TRY_LATER);
        assertThat(s.constraints()).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo("revocation-after-best-signature-time");
            assertThat(c.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(c.detail()).contains("before the best-signature-time");
        });
    }

    @Test
    void revocationDataIssuedAfterTheTimestampPasses() {
        SignatureReport s = validate(timestamped, freshCrls);

        assertThat(s.indication()).as("%s", s.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(s.constraints()).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo("revocation-after-best-signature-time");
            assertThat(c.outcome()).isEqualTo(Outcome.PASSED);
        });
    }

    @Test
    void withoutATimestampTheSameOldCrlIsFreshEnough() {
        // §5.2.5's default maximum age (nextUpdate − thisUpdate) at the validation time.
        SignatureReport s = validate(basic, staleCrls);
        assertThat(s.indication()).as("%s", s.errors()).isEqualTo(Indication.TOTAL_PASSED);
    }
}
