package dev.vellum.testkit.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.CertificateUrls;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.RevocationReason;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.time.MutableClock;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CrlAndCaIssuersServiceTest {
    private static final TestPki PKI = TestPki.shared();

    @AfterEach
    void reset() {
        PKI.services().resetAll();
    }

    @Test
    void servesADerCrlThatTheJdkReadsAndThatListsTheRevokedSigner() throws Exception {
        HttpResponse<byte[]> response = Http.get(PKI.services().crlUrl(PKI.intermediate()));

        assertThat(response.headers().firstValue("Content-Type")).contains("application/pkix-crl");
        X509CRL crl = crl(response.body());
        crl.verify(PKI.intermediate().publicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(PKI.intermediate().certificate().getSubjectX500Principal());
        assertThat(crl.getRevokedCertificate(PKI.revokedSigner().serialNumber())).isNotNull();
        assertThat(crl.getRevokedCertificate(PKI.signer(KeyType.ECDSA_P256).serialNumber())).isNull();
        assertThat(Duration.between(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant()))
                .isEqualTo(Duration.ofDays(7));
        BigInteger first = crlNumber(crl);
        assertThat(crlNumber(crl(Http.get(PKI.services().crlUrl(PKI.intermediate())).body()))).isGreaterThan(first);
    }

    @Test
    void servesACrlForEveryCa() throws Exception {
        for (Credential ca : List.of(PKI.root(), PKI.untrustedRoot())) {
            X509CRL crl = crl(Http.get(PKI.services().crlUrl(ca)).body());
            crl.verify(ca.publicKey());
            assertThat(crl.getRevokedCertificates()).isNull();
        }
        assertThat(Http.get(PKI.services().crl().baseUrl().resolve("/crl/nobody.crl")).statusCode()).isEqualTo(404);
    }

    @Test
    void servesDeltaCrlsAgainstTheLastFullCrl() throws Exception {
        MutableClock clock = MutableClock.at("2029-03-01T08:00:00Z");
        try (TestPki pki = TestPki.builder().clock(clock).build()) {
            pki.services().crl().advertiseDeltas(true);
            X509CRL base = crl(Http.get(pki.services().crlUrl(pki.intermediate())).body());
            assertThat(base.getExtensionValue(Extension.freshestCRL.getId())).isNotNull();
            Credential signer = pki.signer(KeyType.ECDSA_P256);
            clock.advance(Duration.ofHours(2));
            pki.revoke(signer, clock.instant().minus(Duration.ofHours(1)), RevocationReason.AFFILIATION_CHANGED);

            X509CRL delta = crl(Http.get(pki.services().deltaCrlUrl(pki.intermediate())).body());

            delta.verify(pki.intermediate().publicKey());
            assertThat(delta.getRevokedCertificates()).hasSize(1);
            assertThat(delta.getRevokedCertificate(signer.serialNumber())).isNotNull();
            assertThat(delta.getCriticalExtensionOIDs()).contains(Extension.deltaCRLIndicator.getId());
            assertThat(ASN1Integer.getInstance(ASN1OctetString.getInstance(
                    delta.getExtensionValue(Extension.deltaCRLIndicator.getId())).getOctets()).getValue())
                    .isEqualTo(crlNumber(base));
            assertThat(crlNumber(delta)).isGreaterThan(crlNumber(base));
        }
    }

    @Test
    void servesCaCertificatesAsDerAndAsCertsOnlyPkcs7() throws Exception {
        HttpResponse<byte[]> der = Http.get(PKI.services().caIssuersUrl(PKI.intermediate()));
        assertThat(der.headers().firstValue("Content-Type")).contains("application/pkix-cert");
        assertThat(CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der.body())))
                .isEqualTo(PKI.intermediate().certificate());

        HttpResponse<byte[]> p7c = Http.get(PKI.services().caIssuersPkcs7Url(PKI.root()));
        assertThat(p7c.headers().firstValue("Content-Type")).contains("application/pkcs7-mime");
        List<Certificate> certificates = List.copyOf(CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(p7c.body())));
        assertThat(certificates).containsExactly(PKI.root().certificate());
        assertThat(new CMSSignedData(p7c.body()).getSignerInfos().size()).isZero();
    }

    @Test
    void aCaIssuedLaterGetsItsOwnEndpoints() throws Exception {
        try (TestPki pki = TestPki.builder().build()) {
            Credential subCa = pki.issue("department-ca").issuer(pki.intermediate())
                    .profile(dev.vellum.testkit.pki.CertificateProfile.CA).build();
            Credential clerk = pki.issue("clerk").issuer(subCa).build();
            pki.revoke(clerk, pki.createdAt().minus(Duration.ofMinutes(5)), RevocationReason.CESSATION_OF_OPERATION);

            URI crlUrl = pki.services().crlUrl(subCa);
            assertThat(CertificateUrls.crl(clerk.certificate())).containsExactly(crlUrl.toString());
            X509CRL crl = crl(Http.get(crlUrl).body());
            crl.verify(subCa.publicKey());
            assertThat(crl.getRevokedCertificate(clerk.serialNumber())).isNotNull();
            assertThat(Http.get(pki.services().caIssuersUrl(subCa)).body()).isEqualTo(subCa.certificate().getEncoded());
            assertThat(clerk.chain()).hasSize(4);
        }
    }

    @Test
    void crlsFollowThePkiClock() throws Exception {
        Instant then = Instant.parse("2031-02-03T04:05:06Z");
        try (TestPki pki = TestPki.builder().clock(Clock.fixed(then, ZoneOffset.UTC)).build()) {
            X509CRL crl = crl(Http.get(pki.services().crlUrl(pki.intermediate())).body());
            assertThat(crl.getThisUpdate().toInstant()).isEqualTo(then);
            assertThat(crl.getRevokedCertificate(pki.revokedSigner().serialNumber())).isNotNull();
        }
    }

    static X509CRL crl(byte[] der) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    }

    static BigInteger crlNumber(X509CRL crl) {
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(
                crl.getExtensionValue(Extension.cRLNumber.getId())).getOctets()).getValue();
    }
}
