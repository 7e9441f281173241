package dev.vellum.testkit.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OcspServiceTest {
    private static final TestPki PKI = TestPki.shared();

    @AfterEach
    void reset() {
        PKI.services().resetAll();
    }

    @Test
    void answersGoodSignedByTheDelegatedResponderAndEchoesTheNonce() throws Exception {
        byte[] nonce = {9, 8, 7, 6, 5, 4, 3, 2};
        OCSPReq request = request(PKI.signer(KeyType.ECDSA_P256).certificate(), PKI.intermediate(), nonce);

        BasicOCSPResp basic = basic(post(request));

        assertThat(basic.getResponses()).hasSize(1);
        assertThat(basic.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(basic.getResponses()[0].getCertID()).isEqualTo(request.getRequestList()[0].getCertID());
        assertThat(basic.getCerts()).containsExactly(PKI.ocspResponder().certificateHolder());
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .build(PKI.ocspResponder().certificate().getPublicKey()))).isTrue();
        assertThat(ASN1OctetString.getInstance(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)
                .getParsedValue()).getOctets()).isEqualTo(nonce);
        assertThat(basic.getResponses()[0].getNextUpdate().toInstant())
                .isAfter(basic.getResponses()[0].getThisUpdate().toInstant());
    }

    @Test
    void answersRevokedWithTimeAndReason() throws Exception {
        SingleResp answer = basic(post(request(PKI.revokedSigner().certificate(), PKI.intermediate(), null)))
                .getResponses()[0];

        assertThat(answer.getCertStatus()).isInstanceOf(RevokedStatus.class);
        RevokedStatus revoked = (RevokedStatus) answer.getCertStatus();
        assertThat(revoked.getRevocationTime().toInstant()).isEqualTo(PKI.revocationTime());
        assertThat(revoked.getRevocationReason()).isEqualTo(CRLReason.keyCompromise);
    }

    @Test
    void answersUnknownForASerialTheCaNeverIssued() throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                PKI.intermediate().certificateHolder(), BigInteger.valueOf(123456789));
        OCSPReq request = new OCSPReqBuilder().addRequest(id).build();

        assertThat(basic(post(request)).getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void answersAboutTheIntermediateSignedByTheRoot() throws Exception {
        BasicOCSPResp basic = basic(post(request(PKI.intermediate().certificate(), PKI.root(), null)));

        assertThat(basic.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .build(PKI.root().certificate().getPublicKey()))).isTrue();
    }

    @Test
    void answersGetRequests() throws Exception {
        OCSPReq request = request(PKI.revokedSigner().certificate(), PKI.intermediate(), null);
        String encoded = URLEncoder.encode(Base64.getEncoder().encodeToString(request.getEncoded()), StandardCharsets.US_ASCII);

        HttpResponse<byte[]> response = Http.get(URI.create(PKI.services().ocspUrl() + "/" + encoded));

        assertThat(response.headers().firstValue("Content-Type")).contains("application/ocsp-response");
        assertThat(basic(new OCSPResp(response.body())).getResponses()[0].getCertStatus()).isInstanceOf(RevokedStatus.class);
    }

    @Test
    void refusesWhatItIsNotAuthoritativeForAndWhatItCannotRead() throws Exception {
        try (TestPki other = TestPki.builder().build()) {
            OCSPReq foreign = request(other.signer(KeyType.ECDSA_P256).certificate(), other.intermediate(), null);
            assertThat(post(foreign).getStatus()).isEqualTo(OCSPResp.UNAUTHORIZED);
        }
        HttpResponse<byte[]> garbage = Http.post(PKI.services().ocspUrl(), "application/ocsp-request", new byte[] {5, 5});
        assertThat(new OCSPResp(garbage.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    void followsTheRevocationDatabaseOverTime() throws Exception {
        var clock = dev.vellum.testkit.time.MutableClock.at("2027-01-01T00:00:00Z");
        try (TestPki pki = TestPki.builder().clock(clock).build()) {
            Credential signer = pki.signer(KeyType.ECDSA_P256);
            Instant revokedAt = Instant.parse("2027-06-01T00:00:00Z");
            pki.revoke(signer, revokedAt, dev.vellum.testkit.pki.RevocationReason.SUPERSEDED);
            OCSPReq request = request(signer.certificate(), pki.intermediate(), null);

            assertThat(basic(post(pki, request)).getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
            clock.advance(Duration.ofDays(365));
            BasicOCSPResp later = basic(post(pki, request));
            assertThat(later.getProducedAt().toInstant()).isEqualTo(Instant.parse("2028-01-01T00:00:00Z"));
            RevokedStatus status = (RevokedStatus) later.getResponses()[0].getCertStatus();
            assertThat(status.getRevocationTime().toInstant()).isEqualTo(revokedAt);
            assertThat(status.getRevocationReason()).isEqualTo(CRLReason.superseded);
        }
    }

    static OCSPReq request(X509Certificate certificate, Credential issuer, byte[] nonce) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(issuer.certificate().getEncoded()), certificate.getSerialNumber());
        OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
        if (nonce != null) {
            builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(new DEROctetString(nonce).getEncoded()))));
        }
        return builder.build();
    }

    static OCSPResp post(OCSPReq request) throws Exception {
        return post(PKI, request);
    }

    static OCSPResp post(TestPki pki, OCSPReq request) throws Exception {
        HttpResponse<byte[]> response = Http.post(pki.services().ocspUrl(), "application/ocsp-request", request.getEncoded());
        assertThat(response.statusCode()).as(() -> new String(response.body())).isEqualTo(200);
        return new OCSPResp(response.body());
    }

    static BasicOCSPResp basic(OCSPResp response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) response.getResponseObject();
    }
}
