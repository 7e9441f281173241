package dev.vellum.validation.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.pki.CertificateProfile;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.RevocationReason;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.time.MutableClock;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.Fetcher;
import dev.vellum.validation.x509.SignatureCheckCache;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 6960 §4.2.2.2 delegated OCSP responders: a response counts only when signed by the CA or by a
 * responder the CA issued with id-kp-OCSPSigning, valid when it answered; without
 * id-pkix-ocsp-nocheck the responder's own revocation is checked.
 */
class OcspResponderTest {

    MutableClock clock;
    TestPki pki;
    Credential signer;
    RevocationChecker checker;
    List<String> problems;

    @BeforeEach
    void pki() {
        clock = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        pki = TestPki.builder().clock(clock).build();
        signer = pki.signer(KeyType.ECDSA_P256);
        checker = new RevocationChecker(Fetcher.offline(), new SignatureCheckCache(), new CrlCache());
        problems = new ArrayList<>();
    }

    @AfterEach
    void close() {
        pki.close();
    }

    List<RevocationData> find(List<byte[]> crls, byte[] ocsp) {
        return checker.find(signer.certificate(), pki.intermediate().certificate(),
                ValidationMaterial.of(Origin.SUPPLIED, List.of(), crls, List.of(ocsp)), List.of(),
                clock.instant(), problems::add);
    }

    @Test
    void aDelegatedResponderWithNoCheckIsUsedAndNamedAsTheSigner() {
        byte[] ocsp = pki.ocspResponse(signer).build();

        assertThat(find(List.of(), ocsp)).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(RevocationStatus.GOOD);
            assertThat(d.signer()).isEqualTo(pki.ocspResponder().certificate());
        });
        assertThat(pki.ocspResponder().certificate().getNonCriticalExtensionOIDs())
                .contains(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId());
        assertThat(problems).isEmpty();
    }

    @Test
    void theCaItselfMayAnswer() {
        byte[] ocsp = pki.ocspResponse(signer).signedBy(pki.intermediate()).build();
        assertThat(find(List.of(), ocsp)).singleElement()
                .satisfies(d -> assertThat(d.signer()).isEqualTo(pki.intermediate().certificate()));
    }

    @Test
    void aResponderWithoutOcspSigningIsNotUsed() {
        Credential notAResponder = pki.issue("plain-signer").issuer(pki.intermediate()).build();
        byte[] ocsp = pki.ocspResponse(signer).signedBy(notAResponder).build();

        assertThat(find(List.of(), ocsp)).isEmpty();
        assertThat(problems).anyMatch(p -> p.contains("not signed by its CA or by an authorised responder"));
    }

    @Test
    void aResponderIssuedByAnotherCaIsNotUsed() {
        Credential rootsResponder = pki.issue("root-ocsp").issuer(pki.root()).profile(CertificateProfile.OCSP_RESPONDER).build();
        byte[] ocsp = pki.ocspResponse(signer).signedBy(rootsResponder).build();

        assertThat(find(List.of(), ocsp)).isEmpty();
        assertThat(problems).anyMatch(p -> p.contains("not signed by its CA or by an authorised responder"));
    }

    @Test
    void anExpiredResponderIsNotUsed() {
        Instant now = clock.instant();
        Credential expired = pki.issue("old-ocsp").issuer(pki.intermediate()).profile(CertificateProfile.OCSP_RESPONDER)
                .validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))).build();
        byte[] ocsp = pki.ocspResponse(signer).signedBy(expired).build();

        assertThat(find(List.of(), ocsp)).isEmpty();
        assertThat(problems).anyMatch(p -> p.contains("was not valid when it produced the response"));
    }

    @Test
    void aResponderWithoutNoCheckIsCheckedAgainstTheCasCrl() throws Exception {
        Instant now = clock.instant();
        Credential responder = pki.issue("checked-ocsp").issuer(pki.intermediate()).profile(CertificateProfile.OCSP_RESPONDER)
                .withoutExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck).build();
        byte[] ocsp = pki.ocspResponse(signer).signedBy(responder).build();
        byte[] cleanCrl = pki.crl(pki.intermediate()).at(now).build().getEncoded();

        // No CRL at hand: used, with a warning that its status could not be checked.
        assertThat(find(List.of(), ocsp)).singleElement().satisfies(d -> assertThat(d.signer()).isEqualTo(responder.certificate()));
        assertThat(problems).anyMatch(p -> p.contains("has no id-pkix-ocsp-nocheck"));

        // A CRL of the CA that does not list it: used without a warning.
        problems.clear();
        assertThat(find(List.of(cleanCrl), ocsp)).anySatisfy(d -> assertThat(d.kind()).isEqualTo(RevocationData.Kind.OCSP));
        assertThat(problems).isEmpty();

        // Revoked before it answered: the answer is not used.
        pki.revoke(responder, now.minus(Duration.ofMinutes(5)), RevocationReason.KEY_COMPROMISE);
        byte[] revokingCrl = pki.crl(pki.intermediate()).at(now).build().getEncoded();
        assertThat(find(List.of(revokingCrl), ocsp)).noneMatch(d -> d.kind() == RevocationData.Kind.OCSP);
        assertThat(problems).anyMatch(p -> p.contains("was revoked at"));
    }
}
