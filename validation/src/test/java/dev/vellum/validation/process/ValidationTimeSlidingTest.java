package dev.vellum.validation.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.RevocationReason;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.time.MutableClock;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.poe.ExternalPoe;
import dev.vellum.validation.report.ConstraintOutcome;
import dev.vellum.validation.report.Outcome;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.support.TestSignatures;
import dev.vellum.validation.trust.TrustAnchors;
import dev.vellum.validation.x509.Fingerprints;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * EN 319 102-1 §5.6.2.2 validation time sliding with §5.6.2.4 past signature validation: a signature
 * proven (by the archive's external POE) to exist at t1 survives a later revocation of its signer or of
 * its CA — control-time slides back to the revocation — but not a revocation before t1, and a CA
 * revocation needs revocation data for the signer issued and proven to exist before it.
 */
class ValidationTimeSlidingTest {

    static final byte[] CONTENT = "deed".getBytes(StandardCharsets.UTF_8);
    MutableClock clock;
    TestPki pki;
    Credential signer;
    Instant t0;
    byte[] cms;
    final List<byte[]> crls = new ArrayList<>();
    final List<ExternalPoe> poes = new ArrayList<>();

    @BeforeEach
    void pki() {
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock = MutableClock.at(t0);
        pki = TestPki.builder().clock(clock).build();
        signer = pki.signer(KeyType.ECDSA_P256);
    }

    @AfterEach
    void close() {
        pki.close();
    }

    Instant t(int hours) {
        return t0.plus(Duration.ofHours(hours));
    }

    /** Signs at t(1); the archive proves the signature existed then. */
    void signAtT1() {
        clock.set(t(1));
        cms = TestSignatures.cadesB(signer, CONTENT, t(1), signer.chain().subList(0, 2));
        poes.add(ExternalPoe.of(cms, t(1), "archive evidence record"));
    }

    /** CRLs of the intermediate and the root issued at {@code hours}, optionally proven to exist then. */
    void crlsAt(int hours, boolean proven) throws Exception {
        clock.set(t(hours));
        for (Credential ca : List.of(pki.intermediate(), pki.root())) {
            byte[] der = pki.currentCrl(ca).getEncoded();
            crls.add(der);
            if (proven) {
                poes.add(new ExternalPoe(Fingerprints.sha256Hex(der), t(hours), "archive evidence record"));
            }
        }
    }

    SignatureReport validateAt(int hours) {
        SignatureValidator offline = SignatureValidator.builder().trustAnchors(TrustAnchors.of(pki.trustAnchors()))
                .fetchSettings(FetchSettings.offlineOnly()).build();
        return offline.validate(ValidationRequest.of("deed.p7s", cms).withDetachedContent(CONTENT)
                .withMaterial(ValidationMaterial.of(Origin.SUPPLIED, List.of(), crls, List.of()))
                .withExternalPoes(poes).at(t(hours))).signatures().get(0);
    }

    static ConstraintOutcome sliding(SignatureReport s) {
        return s.constraints().stream().filter(c -> c.id().equals("validation-time-sliding")).findFirst().orElseThrow();
    }

    @Test
    void aSignerRevokedAfterThePoeSlidesControlTimeToTheRevocationAndPasses() throws Exception {
        signAtT1();
        pki.revoke(signer, t(2), RevocationReason.KEY_COMPROMISE);
        crlsAt(3, false);

        SignatureReport s = validateAt(4);

        assertThat(s.indication()).as("%s", s.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(sliding(s).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(sliding(s).detail()).contains("control-time " + t(2));
    }

    @Test
    void aSignerRevokedBeforeThePoeStaysRevokedNoPoe() throws Exception {
        pki.revoke(signer, t0.plus(Duration.ofMinutes(30)), RevocationReason.KEY_COMPROMISE);
        signAtT1();
        crlsAt(3, false);

        SignatureReport s = validateAt(4);

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.REVOKED_NO_POE);
    }

    @Test
    void aCaRevokedAfterThePoeNeedsSignerRevocationDataProvenBeforeTheRevocation() throws Exception {
        signAtT1();
        crlsAt(2, true); // the intermediate's CRL of t2 says the signer is good, and the archive proves it existed then
        pki.revoke(pki.intermediate(), t(3), RevocationReason.KEY_COMPROMISE);
        crlsAt(4, false);

        SignatureReport s = validateAt(5);

        assertThat(s.indication()).as("%s", s.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(sliding(s).detail()).contains("control-time " + t(3));
    }

    @Test
    void aCaRevokedAfterThePoeWithoutEarlierSignerDataIsNoPoe() throws Exception {
        signAtT1();
        pki.revoke(pki.intermediate(), t(3), RevocationReason.KEY_COMPROMISE);
        crlsAt(4, false);

        SignatureReport s = validateAt(5);

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.REVOKED_CA_NO_POE);
        assertThat(sliding(s).outcome()).isEqualTo(Outcome.WARNING);
        assertThat(sliding(s).detail()).startsWith("NO_POE").contains("control-time " + t(3));
        assertThat(s.errors()).anyMatch(e -> e.contains("validation time sliding"));
    }
}
