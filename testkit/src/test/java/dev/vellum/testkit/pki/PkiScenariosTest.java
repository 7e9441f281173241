package dev.vellum.testkit.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.testkit.CertificateUrls;
import dev.vellum.testkit.time.MutableClock;
import java.math.BigInteger;
import java.net.URI;
import java.security.SignatureException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The building blocks validation tests use to set up their scenarios. */
class PkiScenariosTest {
    private static final MutableClock CLOCK = MutableClock.at("2026-03-01T12:00:00Z");
    private static final TestPki PKI = TestPki.builder().clock(CLOCK).label("scenarios").build();

    @AfterAll
    static void close() {
        PKI.close();
    }

    @Test
    void revocationSourceDecidesWhichUrlsACertificateCarries() {
        X509Certificate crlOnly = PKI.issue("crl-only").revocationSource(RevocationSource.CRL_ONLY).build().certificate();
        assertThat(CertificateUrls.crl(crlOnly)).hasSize(1);
        assertThat(CertificateUrls.ocsp(crlOnly)).isEmpty();
        assertThat(CertificateUrls.caIssuers(crlOnly)).hasSize(1);

        X509Certificate ocspOnly = PKI.issue("ocsp-only").revocationSource(RevocationSource.OCSP_ONLY).build().certificate();
        assertThat(CertificateUrls.crl(ocspOnly)).isEmpty();
        assertThat(CertificateUrls.ocsp(ocspOnly)).containsExactly(PKI.services().ocspUrl().toString());

        X509Certificate none = PKI.issue("no-revocation-info").revocationSource(RevocationSource.NONE).build().certificate();
        assertThat(CertificateUrls.crl(none)).isEmpty();
        assertThat(CertificateUrls.ocsp(none)).isEmpty();

        X509Certificate noAia = PKI.issue("no-aia").withoutAuthorityInformationAccess().build().certificate();
        assertThat(noAia.getExtensionValue(Extension.authorityInfoAccess.getId())).isNull();
        assertThat(CertificateUrls.crl(noAia)).hasSize(1);

        X509Certificate noCdp = PKI.issue("no-cdp").withoutCrlDistributionPoint().withoutCaIssuers().build().certificate();
        assertThat(CertificateUrls.crl(noCdp)).isEmpty();
        assertThat(CertificateUrls.caIssuers(noCdp)).isEmpty();
        assertThat(CertificateUrls.ocsp(noCdp)).hasSize(1);

        X509Certificate elsewhere = PKI.issue("unreachable-cdp").crlUrl(URI.create("http://127.0.0.1:9/nothing.crl"))
                .ocspUrl(URI.create("http://127.0.0.1:9/ocsp")).build().certificate();
        assertThat(CertificateUrls.crl(elsewhere)).containsExactly("http://127.0.0.1:9/nothing.crl");
        assertThat(CertificateUrls.ocsp(elsewhere)).containsExactly("http://127.0.0.1:9/ocsp");
    }

    @Test
    void certificatesCanBeWeakBrokenOrOddlyExtended() throws Exception {
        X509Certificate sha1 = PKI.issue("sha1-signed").signatureAlgorithm("SHA1withECDSA").build().certificate();
        assertThat(sha1.getSigAlgName()).isEqualTo("SHA1withECDSA");
        sha1.verify(PKI.intermediate().publicKey());

        Credential badlySigned = PKI.issue("bad-signature").badSignature().build();
        assertThatThrownBy(() -> badlySigned.certificate().verify(PKI.intermediate().publicKey()))
                .isInstanceOf(SignatureException.class);
        PKI.revoke(badlySigned, PKI.createdAt(), RevocationReason.UNSPECIFIED); // still known to its CA

        Credential weak = PKI.issue("weak-rsa").keyType(KeyType.RSA_1024).build();
        assertThat(((java.security.interfaces.RSAKey) weak.publicKey()).getModulus().bitLength()).isEqualTo(1024);

        Credential odd = PKI.issue("odd").keyUsage(KeyUsage.digitalSignature)
                .extendedKeyUsage(true, KeyPurposeId.id_kp_emailProtection, KeyPurposeId.id_kp_clientAuth)
                .email("records@archive.test").serialNumber(BigInteger.valueOf(31337))
                .extension(Extension.certificatePolicies, false,
                        new CertificatePolicies(new PolicyInformation(new org.bouncycastle.asn1.ASN1ObjectIdentifier("2.999.1.1"))))
                .withoutExtension(Extension.authorityKeyIdentifier).build();
        X509Certificate cert = odd.certificate();
        assertThat(cert.getSerialNumber()).isEqualTo(31337);
        assertThat(cert.getKeyUsage()[1]).isFalse();
        assertThat(cert.getCriticalExtensionOIDs()).contains(Extension.extendedKeyUsage.getId());
        assertThat(cert.getExtendedKeyUsage()).hasSize(2);
        assertThat(cert.getSubjectAlternativeNames().iterator().next().get(1)).isEqualTo("records@archive.test");
        assertThat(cert.getExtensionValue(Extension.certificatePolicies.getId())).isNotNull();
        assertThat(cert.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNull();
        PKI.revoke(odd, PKI.createdAt(), RevocationReason.SUPERSEDED); // found by signature without an AKI

        Credential rekeyed = PKI.issue("odd-renewed").keyPair(odd.keyPair()).build();
        assertThat(rekeyed.publicKey()).isEqualTo(odd.publicKey());
    }

    @Test
    void extraTsaCertificatesForTsaScenarios() throws Exception {
        Instant created = PKI.createdAt();
        Credential expiredTsa = PKI.issue("tsa-expired").profile(CertificateProfile.TSA)
                .validity(created.minus(Duration.ofDays(800)), created.minus(Duration.ofDays(30))).build();
        assertThat(expiredTsa.certificate().getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_timeStamping.getId());
        assertThatThrownBy(() -> expiredTsa.certificate().checkValidity(Date.from(created)))
                .isInstanceOf(CertificateExpiredException.class);

        TimeStampToken beforeExpiry = PKI.timeStamp().data(new byte[] {1}).tsa(expiredTsa)
                .at(created.minus(Duration.ofDays(60))).build();
        beforeExpiry.validate(new JcaSimpleSignerInfoVerifierBuilder().build(expiredTsa.certificate()));

        TimeStampToken afterExpiry = PKI.timeStamp().data(new byte[] {1}).tsa(expiredTsa).build();
        assertThatThrownBy(() -> afterExpiry.validate(new JcaSimpleSignerInfoVerifierBuilder().build(expiredTsa.certificate())))
                .isInstanceOf(TSPValidationException.class).hasMessageContaining("not valid when time stamp created");
    }

    @Test
    void aRevokedIntermediateShowsInTheRootCrlAndInRootSignedOcsp() throws Exception {
        try (TestPki pki = TestPki.builder().clock(CLOCK).build()) {
            Instant compromise = pki.createdAt().minus(Duration.ofHours(3));
            pki.revoke(pki.intermediate(), compromise, RevocationReason.CA_COMPROMISE);

            X509CRL rootCrl = pki.currentCrl(pki.root());
            assertThat(rootCrl.getRevokedCertificate(pki.intermediate().serialNumber()).getRevocationReason())
                    .isEqualTo(java.security.cert.CRLReason.CA_COMPROMISE);

            BasicOCSPResp answer = basic(pki.ocspResponse(pki.intermediate()).build());
            assertThat(answer.isSignatureValid(new JcaContentVerifierProviderBuilder().build(pki.root().certificate()))).isTrue();
            RevokedStatus status = (RevokedStatus) answer.getResponses()[0].getCertStatus();
            assertThat(status.getRevocationTime().toInstant()).isEqualTo(compromise);
            assertThat(status.getRevocationReason()).isEqualTo(CRLReason.cACompromise);
        }
    }

    @Test
    void ocspResponsesAtAnyTimeForEmbedding() throws Exception {
        Credential revoked = PKI.revokedSigner();

        BasicOCSPResp before = basic(PKI.ocspResponse(revoked).at(PKI.revocationTime().minus(Duration.ofHours(1))).build());
        assertThat(before.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(before.getProducedAt().toInstant()).isEqualTo(PKI.revocationTime().minus(Duration.ofHours(1)));

        BasicOCSPResp after = basic(PKI.ocspResponse(revoked).build());
        assertThat(after.getResponses()[0].getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(after.getProducedAt().toInstant()).isEqualTo(CLOCK.instant());
        assertThat(after.isSignatureValid(new JcaContentVerifierProviderBuilder().build(PKI.ocspResponder().certificate())))
                .isTrue();

        BasicOCSPResp custom = basic(PKI.ocspResponse(revoked).signedBy(PKI.intermediate()).responderIdByName()
                .withoutNextUpdate().includeCertificates(false).status(OcspCertStatus.UNKNOWN).build());
        assertThat(custom.getCerts()).isEmpty();
        assertThat(custom.getResponderId().toASN1Primitive().getName()).isNotNull();
        assertThat(custom.getResponses()[0].getNextUpdate()).isNull();
        assertThat(custom.isSignatureValid(new JcaContentVerifierProviderBuilder().build(PKI.intermediate().certificate())))
                .isTrue();
    }

    @Test
    void crlsAtAnyTimeAndDeltaCrls() throws Exception {
        Credential later = PKI.issue("revoked-later").build();
        Instant revokedAt = PKI.createdAt().plus(Duration.ofDays(10));
        PKI.revoke(later, revokedAt, RevocationReason.PRIVILEGE_WITHDRAWN);

        X509CRL base = PKI.crl(PKI.intermediate()).at(PKI.createdAt()).build();
        assertThat(base.getRevokedCertificate(later.serialNumber())).as("not yet revoked").isNull();
        assertThat(base.getRevokedCertificate(PKI.revokedSigner().serialNumber())).isNotNull();

        X509CRL delta = PKI.crl(PKI.intermediate()).at(revokedAt.plus(Duration.ofDays(1))).deltaOf(base).build();
        assertThat(delta.getRevokedCertificates()).extracting(e -> e.getSerialNumber()).contains(later.serialNumber())
                .doesNotContain(PKI.revokedSigner().serialNumber());
        assertThat(delta.getCriticalExtensionOIDs()).contains(Extension.deltaCRLIndicator.getId());

        X509CRL stale = PKI.crl(PKI.intermediate()).at(PKI.createdAt().minus(Duration.ofDays(30)))
                .nextUpdate(PKI.createdAt().minus(Duration.ofDays(23))).badSignature().build();
        assertThat(stale.getNextUpdate().toInstant()).isBefore(PKI.createdAt());
        assertThatThrownBy(() -> stale.verify(PKI.intermediate().publicKey())).isInstanceOf(SignatureException.class);

        X509CRL foreign = PKI.crl(PKI.intermediate()).signedBy(PKI.untrustedRoot()).build();
        assertThat(foreign.getIssuerX500Principal()).isEqualTo(PKI.untrustedRoot().certificate().getSubjectX500Principal());
    }

    @Test
    void timeStampTokensAtAnyTime() throws Exception {
        Instant past = Instant.parse("2025-06-01T09:30:00Z");
        TimeStampToken token = PKI.timeStamp().data("proof".getBytes()).at(past).policy(TestPki.TSA_ALTERNATE_POLICY)
                .nonce(BigInteger.TEN).accuracy(Duration.ofMillis(500)).build();

        assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isEqualTo(past);
        assertThat(token.getTimeStampInfo().getPolicy()).isEqualTo(TestPki.TSA_ALTERNATE_POLICY);
        assertThat(token.getTimeStampInfo().getGenTimeAccuracy().getMillis()).isEqualTo(500);
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(PKI.tsa().certificate()));

        TimeStampToken v1 = PKI.timeStamp().data(new byte[0]).essCertIdV1().includeCertificates(false).build();
        v1.validate(new JcaSimpleSignerInfoVerifierBuilder().build(PKI.tsa().certificate()));
        assertThat(v1.getCertificates().getMatches(null)).isEmpty();

        byte[] unsigned = PKI.timeStamp().data(new byte[0]).unsigned().encoded();
        assertThatThrownBy(() -> new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(unsigned)))
                .hasMessageContaining("signers");
    }

    @Test
    void aPkiBuiltIn2031HasCertificatesValidIn2031() throws Exception {
        Instant in2031 = Instant.parse("2031-07-14T08:00:00Z");
        try (TestPki pki = TestPki.builder().clock(Clock.fixed(in2031, ZoneOffset.UTC)).tsaKeyType(KeyType.ECDSA_P256).build()) {
            Date when = Date.from(in2031);
            for (Credential credential : List.of(pki.root(), pki.intermediate(), pki.signer(KeyType.ECDSA_P256),
                    pki.signer(KeyType.ED25519), pki.revokedSigner(), pki.tsa(), pki.ocspResponder(),
                    pki.noSigningKeyUsageSigner(), pki.untrustedRoot(), pki.untrustedSigner())) {
                credential.certificate().checkValidity(when);
            }
            assertThat(pathValidAt(pki.signer(KeyType.ECDSA_P256), pki.root(), when)).isTrue();
            assertThat(pathValidAt(pki.signer(KeyType.ECDSA_P256), pki.root(), Date.from(Instant.parse("2026-01-01T00:00:00Z"))))
                    .as("not yet valid in 2026").isFalse();
            assertThatThrownBy(() -> pki.expiredSigner().certificate().checkValidity(when))
                    .isInstanceOf(CertificateExpiredException.class);
            assertThat(pki.currentCrl(pki.intermediate()).getThisUpdate()).isEqualTo(when);
            assertThat(pki.timeStamp().data(new byte[] {7}).build().getTimeStampInfo().getGenTime()).isEqualTo(when);
        }
    }

    @Test
    void aPkiBuiltInThePastIsValidatedLater() throws Exception {
        MutableClock clock = MutableClock.at("2020-01-15T10:00:00Z");
        try (TestPki pki = TestPki.builder().clock(clock).tsaKeyType(KeyType.ECDSA_P256).build()) {
            Credential signer = pki.signer(KeyType.ECDSA_P256);
            TimeStampToken proof = pki.timeStamp().data("signed in 2020".getBytes()).build();

            clock.set(Instant.parse("2026-01-15T10:00:00Z"));

            assertThat(pathValidAt(signer, pki.root(), Date.from(clock.instant()))).as("expired by 2026").isFalse();
            assertThat(pathValidAt(signer, pki.root(), proof.getTimeStampInfo().getGenTime())).isTrue();
            assertThat(pki.currentCrl(pki.intermediate()).getThisUpdate().toInstant()).isEqualTo(clock.instant());
            assertThat(basic(pki.ocspResponse(signer).build()).getProducedAt().toInstant()).isEqualTo(clock.instant());
        }
    }

    @Test
    void anRsaPkiSignsWithRsa() throws Exception {
        try (TestPki pki = TestPki.builder().caKeyType(KeyType.RSA_2048).tsaKeyType(KeyType.ECDSA_P256).build()) {
            assertThat(pki.root().certificate().getSigAlgName()).isEqualTo("SHA256withRSA");
            assertThat(pki.intermediate().certificate().getSigAlgName()).isEqualTo("SHA256withRSA");
            Credential pssIssued = pki.issue("pss-issued").signatureAlgorithm("SHA256withRSAandMGF1").build();
            assertThat(pssIssued.certificate().getSigAlgName()).isEqualTo("RSASSA-PSS");
            pssIssued.certificate().verify(pki.intermediate().publicKey());
            pki.currentCrl(pki.intermediate()).verify(pki.intermediate().publicKey());
        }
    }

    @Test
    void namesAreUniqueAndSafeInUrls() {
        assertThatThrownBy(() -> PKI.issue("intermediate").build()).hasMessageContaining("already has a credential named");
        assertThatThrownBy(() -> PKI.issue("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PKI.crl(PKI.signer(KeyType.ECDSA_P256))).hasMessageContaining("is not a CA");
        assertThat(PKI.credential("root")).isEqualTo(PKI.root());
    }

    @Test
    void theSharedPkiOutlivesClose() throws Exception {
        TestPki shared = TestPki.shared();
        shared.close();
        assertThat(shared).isSameAs(TestPki.shared());
        assertThat(java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(shared.services().crlUrl(shared.root())).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    }

    private static BasicOCSPResp basic(byte[] response) throws Exception {
        OCSPResp parsed = new OCSPResp(response);
        assertThat(parsed.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) parsed.getResponseObject();
    }

    private static boolean pathValidAt(Credential credential, Credential anchor, Date when) throws Exception {
        List<X509Certificate> chain = credential.chain();
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor.certificate(), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(when);
        try {
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0, chain.size() - 1)), parameters);
            return true;
        } catch (java.security.cert.CertPathValidatorException e) {
            return false;
        }
    }
}
