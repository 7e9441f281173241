package dev.vellum.validation.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.trust.TrustAnchors;
import dev.vellum.validation.x509.CertificateRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared §5.2.6 results: a cached answer is only reused for the same target, role, anchors,
 * material and time, and the problems it reported are reported again.
 */
class ChainValidationCacheTest {

    static TestPki pki;
    static Credential signer;
    static ValidationMaterial withCrls;
    static ValidationMaterial withoutCrls;
    static Instant now;

    @BeforeAll
    static void make() throws Exception {
        pki = TestPki.shared();
        signer = pki.signer(KeyType.ECDSA_P256);
        now = Instant.now();
        withoutCrls = ValidationMaterial.of(Origin.SIGNATURE, signer.chain(), List.of(), List.of());
        withCrls = ValidationMaterial.of(Origin.SIGNATURE, signer.chain(), List.of(
                pki.currentCrl(pki.intermediate()).getEncoded(), pki.currentCrl(pki.root()).getEncoded()), List.of());
    }

    static ValidationServices services() {
        return SignatureValidator.builder().trustAnchors(TrustAnchors.of(pki.trustAnchors()))
                .fetchSettings(FetchSettings.offlineOnly()).build().services();
    }

    static ChainValidation cached(ValidationServices s, TrustAnchors anchors, ValidationMaterial m, Instant at,
                                  List<String> problems) {
        return s.chainValidations().validate(new X509CertificateValidation(s), signer.certificate(), CertificateRole.SIGNER,
                anchors, m, at, problems::add);
    }

    @Test
    void differentMaterialGetsItsOwnAnswer() {
        ValidationServices s = services();
        TrustAnchors anchors = s.trust().signing();

        ChainValidation missing = cached(s, anchors, withoutCrls, now, new ArrayList<>());
        ChainValidation present = cached(s, anchors, withCrls, now, new ArrayList<>());

        assertThat(missing.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(present.indication()).isEqualTo(Indication.PASSED);
    }

    @Test
    void differentTimeOrAnchorsGetTheirOwnAnswer() {
        ValidationServices s = services();
        TrustAnchors anchors = s.trust().signing();
        assertThat(cached(s, anchors, withCrls, now, new ArrayList<>()).passed()).isTrue();

        Instant expired = signer.certificate().getNotAfter().toInstant().plus(Duration.ofDays(1));
        ChainValidation later = cached(s, anchors, withCrls, expired, new ArrayList<>());
        ChainValidation otherTrust = cached(s, TrustAnchors.empty(), withCrls, now, new ArrayList<>());

        assertThat(later.passed()).isFalse();
        assertThat(later.subIndication()).isEqualTo(new X509CertificateValidation(s).validate(signer.certificate(),
                CertificateRole.SIGNER, anchors, withCrls, expired, p -> { }).subIndication());
        assertThat(otherTrust.subIndication()).isEqualTo(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
    }

    @Test
    void aReusedAnswerEqualsAFreshOneAndReportsTheSameProblems() {
        ValidationServices s = services();
        TrustAnchors anchors = s.trust().signing();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();

        ChainValidation a = cached(s, anchors, withoutCrls, now, first);
        ChainValidation b = cached(s, anchors, withoutCrls, now, second);
        List<String> direct = new ArrayList<>();
        ChainValidation fresh = new X509CertificateValidation(s).validate(signer.certificate(), CertificateRole.SIGNER,
                anchors, withoutCrls, now, direct::add);

        assertThat(b).isEqualTo(a);
        assertThat(b.message()).isEqualTo(fresh.message());
        assertThat(b.subIndication()).isEqualTo(fresh.subIndication());
        assertThat(second).isEqualTo(first).isEqualTo(direct);
    }

    @Test
    void aCrlThatDiffersOnlyBeforeItsLastBytesIsAnotherKey() throws Exception {
        ValidationServices s = services();
        TrustAnchors anchors = s.trust().signing();
        byte[] crl = pki.currentCrl(pki.intermediate()).getEncoded();
        byte[] tampered = crl.clone();
        tampered[crl.length / 2] ^= 0x01; // the tail (signature value) and length are unchanged
        ValidationMaterial good = ValidationMaterial.of(Origin.SIGNATURE, signer.chain(), List.of(crl,
                pki.currentCrl(pki.root()).getEncoded()), List.of());
        ValidationMaterial bad = ValidationMaterial.of(Origin.SIGNATURE, signer.chain(), List.of(tampered,
                pki.currentCrl(pki.root()).getEncoded()), List.of());

        assertThat(cached(s, anchors, good, now, new ArrayList<>()).passed()).isTrue();
        ChainValidation withTampered = cached(s, anchors, bad, now, new ArrayList<>());

        assertThat(withTampered.passed()).isFalse();
        assertThat(withTampered.indication()).isEqualTo(new X509CertificateValidation(s).validate(signer.certificate(),
                CertificateRole.SIGNER, anchors, bad, now, p -> { }).indication());
        assertThat(new ChainValidationCache.Content(crl)).isNotEqualTo(new ChainValidationCache.Content(tampered))
                .isEqualTo(new ChainValidationCache.Content(crl.clone()));
    }
}
