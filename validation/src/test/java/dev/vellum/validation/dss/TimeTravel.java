package dev.vellum.validation.dss;

import dev.vellum.policy.RegisteredPolicy;
import dev.vellum.testkit.pki.CertificateProfile;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.RevocationReason;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.services.TsaService;
import dev.vellum.testkit.time.MutableClock;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenarios that need time to pass: private test PKIs on a {@link MutableClock}, whose services
 * (TSA genTime, CRL thisUpdate, OCSP producedAt) follow it, so a signature can be made "in 2011" and
 * renewed "in 2015". DSS signs and augments them; both validators then judge them.
 */
final class TimeTravel {

    static final Duration YEAR = Duration.ofDays(365);
    private static final List<TestPki> OPEN = new ArrayList<>();

    private TimeTravel() {
    }

    static synchronized TestPki pki(MutableClock clock) {
        TestPki pki = TestPki.builder().clock(clock).tsaKeyType(KeyType.ECDSA_P256).build();
        OPEN.add(pki);
        return pki;
    }

    static synchronized void closeAll() {
        OPEN.forEach(TestPki::close);
        OPEN.clear();
    }

    static List<java.security.cert.X509Certificate> chain(Credential c) {
        return c.chain().subList(0, c.chain().size() - 1);
    }

    /** Signed and time-stamped at t0, revoked at t0 + 30 min, validated online at t0 + 1 h. */
    static DssAgreementTest.Case revokedAfterTimestamp() {
        MutableClock clock = MutableClock.at(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        TestPki pki = pki(clock);
        Credential signer = pki.signer(KeyType.ECDSA_P256);
        Instant t0 = clock.instant();
        byte[] sig = Dss.sign(signer, chain(signer), DssAgreementTest.CONTENT, SignatureLevel.CAdES_BASELINE_T,
                pki.services().tsaUrl(), pki.trustAnchors(), t0, DigestAlgorithm.SHA256, null);
        pki.revoke(signer, t0.plus(Duration.ofMinutes(30)), RevocationReason.KEY_COMPROMISE);
        clock.set(t0.plus(Duration.ofHours(1)));
        return new DssAgreementTest.Case(sig, DssAgreementTest.CONTENT, clock.instant(), true, pki.trustAnchors(), Map.of());
    }

    /** The same without a time-stamp: nothing proves the signature predates the revocation. */
    static DssAgreementTest.Case revokedAfterSigningWithoutTimestamp() {
        MutableClock clock = MutableClock.at(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        TestPki pki = pki(clock);
        Credential signer = pki.signer(KeyType.ECDSA_P256);
        Instant t0 = clock.instant();
        byte[] sig = Dss.sign(signer, chain(signer), DssAgreementTest.CONTENT, SignatureLevel.CAdES_BASELINE_B, null,
                pki.trustAnchors(), t0, DigestAlgorithm.SHA256, null);
        pki.revoke(signer, t0.plus(Duration.ofMinutes(30)), RevocationReason.KEY_COMPROMISE);
        clock.set(t0.plus(Duration.ofHours(1)));
        return new DssAgreementTest.Case(sig, DssAgreementTest.CONTENT, clock.instant(), true, pki.trustAnchors(), Map.of());
    }

    /**
     * LTA made at t0 with TSA 1 (valid until t0 + 5 y); at t0 + 4 y a second archive time-stamp by
     * TSA 2 (valid until t0 + 12 y) covers it; validated offline at t0 + 6 y, when the signer and
     * TSA 1 have expired.
     */
    static DssAgreementTest.Case tsaExpiredCoveredByLaterArchive() {
        MutableClock clock = MutableClock.at(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        TestPki pki = pki(clock);
        Instant t0 = clock.instant();
        Credential signer = pki.signer(KeyType.ECDSA_P256);
        byte[] lta = Dss.sign(signer, chain(signer), DssAgreementTest.CONTENT, SignatureLevel.CAdES_BASELINE_LTA,
                pki.services().tsaUrl(), pki.trustAnchors(), t0, DigestAlgorithm.SHA256, null);
        Credential tsa2 = pki.issue("tsa-2").profile(CertificateProfile.TSA).keyType(KeyType.ECDSA_P256)
                .subject("CN=Second TSA, O=Vellum Test PKI, C=DE").validity(t0.plus(YEAR.multipliedBy(3)), t0.plus(YEAR.multipliedBy(12)))
                .build();
        TsaService second = pki.services().startTsa(tsa2);
        clock.set(t0.plus(YEAR.multipliedBy(4)));
        byte[] renewed = Dss.extend(lta, DssAgreementTest.CONTENT, SignatureLevel.CAdES_BASELINE_LTA, second.url(),
                pki.trustAnchors());
        return new DssAgreementTest.Case(renewed, DssAgreementTest.CONTENT, t0.plus(YEAR.multipliedBy(6)), false,
                pki.trustAnchors(), Map.of());
    }

    /** The same LTA without the renewal, validated at t0 + 6 y: its only time-stamps' TSA has expired. */
    static DssAgreementTest.Case tsaExpiredUncovered() {
        MutableClock clock = MutableClock.at(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        TestPki pki = pki(clock);
        Instant t0 = clock.instant();
        Credential signer = pki.signer(KeyType.ECDSA_P256);
        byte[] lta = Dss.sign(signer, chain(signer), DssAgreementTest.CONTENT, SignatureLevel.CAdES_BASELINE_LTA,
                pki.services().tsaUrl(), pki.trustAnchors(), t0, DigestAlgorithm.SHA256, null);
        return new DssAgreementTest.Case(lta, DssAgreementTest.CONTENT, t0.plus(YEAR.multipliedBy(6)), false,
                pki.trustAnchors(), Map.of());
    }

    /**
     * ECDSA with SHA-1 signed in January 2011 as LTA, renewed in 2015 by a TSA valid until after
     * today, validated offline today: the archive time-stamps prove the signature existed before
     * SHA-1's sunset (2012-08-01).
     */
    static DssAgreementTest.Case sha1WithPoeBefore2012() {
        MutableClock clock = MutableClock.at("2011-01-10T10:00:00Z");
        TestPki pki = pki(clock);
        Instant t0 = clock.instant();
        Credential signer = pki.signer(KeyType.ECDSA_P256);
        byte[] lta = Dss.sign(signer, chain(signer), DssAgreementTest.CONTENT, SignatureLevel.CAdES_BASELINE_LTA,
                pki.services().tsaUrl(), pki.trustAnchors(), t0, DigestAlgorithm.SHA1, null);
        // issued by the root: the 2011 intermediate expires in 2021, the root only in 2031
        Credential tsa2 = pki.issue("tsa-2015").issuer(pki.root()).profile(CertificateProfile.TSA).keyType(KeyType.ECDSA_P256)
                .subject("CN=TSA 2015, O=Vellum Test PKI, C=DE")
                .validity(Instant.parse("2014-01-01T00:00:00Z"), Instant.now().plus(YEAR.multipliedBy(5))).build();
        TsaService second = pki.services().startTsa(tsa2);
        clock.set(Instant.parse("2015-03-01T10:00:00Z"));
        byte[] renewed = Dss.extend(lta, DssAgreementTest.CONTENT, SignatureLevel.CAdES_BASELINE_LTA, second.url(),
                pki.trustAnchors());
        // the newest archive time-stamp's own validation data is fetched at validation (as for any last ATS)
        clock.set(Instant.parse("2015-03-01T11:00:00Z"));
        return new DssAgreementTest.Case(renewed, DssAgreementTest.CONTENT, Instant.now(), true, pki.trustAnchors(), Map.of());
    }

    /** A signature naming signature-policy's example seal policy with a wrong sigPolicyHash. */
    static DssAgreementTest.Case policyHashMismatch() {
        try {
            Path examples = Path.of("").toAbsolutePath();
            while (!Files.isDirectory(examples.resolve("signature-policy/examples"))) {
                examples = examples.getParent();
            }
            byte[] der = Files.readAllBytes(examples.resolve("signature-policy/examples/records-archive-seal-policy.der"));
            RegisteredPolicy registered = RegisteredPolicy.fromDer(der, List.of(), null, "example");
            Policy policy = new Policy();
            policy.setId(registered.oid());
            policy.setDigestAlgorithm(DigestAlgorithm.SHA256);
            byte[] wrong = registered.hash().value().toByteArray();
            wrong[0] ^= 0x01;
            policy.setDigestValue(wrong);
            TestPki shared = DssAgreementTest.PKI;
            Credential signer = shared.signer(KeyType.ECDSA_P256);
            byte[] sig = Dss.sign(signer, chain(signer), DssAgreementTest.CONTENT, SignatureLevel.CAdES_BASELINE_B, null,
                    shared.trustAnchors(), DssAgreementTest.now(), DigestAlgorithm.SHA256, policy);
            return new DssAgreementTest.Case(sig, DssAgreementTest.CONTENT, DssAgreementTest.now().plusSeconds(2), true,
                    shared.trustAnchors(), Map.of(registered.oid(), der));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
