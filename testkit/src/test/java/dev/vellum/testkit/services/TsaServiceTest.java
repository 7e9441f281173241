package dev.vellum.testkit.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.pki.CertificateProfile;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.TestPki;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TsaServiceTest {
    private static final TestPki PKI = TestPki.shared();

    @AfterEach
    void reset() {
        PKI.services().resetAll();
    }

    @Test
    void grantsATokenThatBouncyCastleValidates() throws Exception {
        byte[] digest = sha256("hello");
        TimeStampRequest request = request(TSPAlgorithms.SHA256, digest, BigInteger.valueOf(4242), true);
        Instant before = Instant.now().minusSeconds(1);

        TimeStampResponse response = post(PKI.services().tsa(), request);

        assertThat(response.getStatus()).isEqualTo(PKIStatus.GRANTED);
        response.validate(request); // nonce, imprint, algorithm, policy, certReq
        TimeStampToken token = response.getTimeStampToken();
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(PKI.tsa().certificate()));
        var info = token.getTimeStampInfo();
        assertThat(info.getMessageImprintDigest()).isEqualTo(digest);
        assertThat(info.getNonce()).isEqualTo(BigInteger.valueOf(4242));
        assertThat(info.getPolicy()).isEqualTo(TestPki.TSA_POLICY);
        assertThat(info.getGenTimeAccuracy().getSeconds()).isEqualTo(1);
        assertThat(info.getGenTime().toInstant()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(info.getTsa().getName()).isEqualTo(
                X500Name.getInstance(PKI.tsa().certificate().getSubjectX500Principal().getEncoded()));
        var v2 = SigningCertificateV2.getInstance(token.getSignedAttributes()
                .get(PKCSObjectIdentifiers.id_aa_signingCertificateV2).getAttrValues().getObjectAt(0));
        assertThat(v2.getCerts()[0].getCertHash())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(PKI.tsa().certificate().getEncoded()));
        assertThat(token.getCertificates().getMatches(null)).contains(PKI.tsa().certificateHolder());
        HttpResponse<byte[]> raw = Http.post(PKI.services().tsaUrl(), "application/timestamp-query", request.getEncoded());
        assertThat(raw.headers().firstValue("Content-Type")).contains("application/timestamp-reply");
    }

    @Test
    void honoursCertReqAndRequestedPolicy() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setReqPolicy(TestPki.TSA_ALTERNATE_POLICY);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA512,
                MessageDigest.getInstance("SHA-512").digest(new byte[3]), BigInteger.TEN);

        TimeStampResponse response = post(PKI.services().tsa(), request);

        response.validate(request);
        assertThat(response.getTimeStampToken().getTimeStampInfo().getPolicy()).isEqualTo(TestPki.TSA_ALTERNATE_POLICY);
        assertThat(response.getTimeStampToken().getCertificates().getMatches(null)).isEmpty();
    }

    @Test
    void rejectsWhatARealTsaRejects() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setReqPolicy(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4"));
        TimeStampResponse unknownPolicy = post(PKI.services().tsa(),
                generator.generate(TSPAlgorithms.SHA256, sha256("x"), BigInteger.ONE));
        assertThat(unknownPolicy.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(unknownPolicy.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.unacceptedPolicy);

        TimeStampResponse md5 = post(PKI.services().tsa(),
                request(TSPAlgorithms.MD5, new byte[16], BigInteger.ONE, true));
        assertThat(md5.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(md5.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badAlg);

        HttpResponse<byte[]> garbage = Http.post(PKI.services().tsaUrl(), "application/timestamp-query", new byte[] {1, 2});
        assertThat(new TimeStampResponse(garbage.body()).getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badDataFormat);
    }

    @Test
    void serialNumbersIncreaseAndRequestsAreLogged() throws Exception {
        TsaService tsa = PKI.services().tsa();
        tsa.clearRequests();
        TimeStampRequest request = request(TSPAlgorithms.SHA256, sha256("a"), BigInteger.ONE, true);
        BigInteger first = post(tsa, request).getTimeStampToken().getTimeStampInfo().getSerialNumber();
        BigInteger second = post(tsa, request).getTimeStampToken().getTimeStampInfo().getSerialNumber();

        assertThat(second).isGreaterThan(first);
        assertThat(tsa.requestCount()).isEqualTo(2);
        RecordedRequest logged = tsa.lastRequest().orElseThrow();
        assertThat(logged.method()).isEqualTo("POST");
        assertThat(logged.path()).isEqualTo("/tsa");
        assertThat(logged.header("content-type")).contains("application/timestamp-query");
        assertThat(logged.body()).isEqualTo(request.getEncoded());
    }

    @Test
    void canUseEssCertIdV1() throws Exception {
        PKI.services().tsa().essCertIdV1(true);
        try {
            TimeStampRequest request = request(TSPAlgorithms.SHA256, sha256("v1"), BigInteger.ONE, true);
            TimeStampToken token = post(PKI.services().tsa(), request).getTimeStampToken();
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(PKI.tsa().certificate()));
            var v1 = SigningCertificate.getInstance(token.getSignedAttributes()
                    .get(PKCSObjectIdentifiers.id_aa_signingCertificate).getAttrValues().getObjectAt(0));
            assertThat(v1.getCerts()[0].getCertHash())
                    .isEqualTo(MessageDigest.getInstance("SHA-1").digest(PKI.tsa().certificate().getEncoded()));
        } finally {
            PKI.services().tsa().essCertIdV1(false);
        }
    }

    @Test
    void basicAuthenticationCanBeRequired() throws Exception {
        TsaService tsa = PKI.services().tsa();
        tsa.requireBasicAuth("alice", "s3cret");
        try {
            TimeStampRequest request = request(TSPAlgorithms.SHA256, sha256("auth"), BigInteger.ONE, true);
            HttpResponse<byte[]> anonymous = Http.post(tsa.url(), "application/timestamp-query", request.getEncoded());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

            var authorized = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(tsa.url())
                    .header("Content-Type", "application/timestamp-query")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes()))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(new TimeStampResponse(authorized.body()).getStatus()).isEqualTo(PKIStatus.GRANTED);
        } finally {
            tsa.requireBasicAuth(null, null);
        }
    }

    @Test
    void aSecondTsaRunsOnItsOwnPortWithItsOwnCertificate() throws Exception {
        try (TestPki pki = TestPki.builder().tsaKeyType(dev.vellum.testkit.pki.KeyType.ECDSA_P256).build()) {
            Credential second = pki.issue("tsa-second").profile(CertificateProfile.TSA).build();
            TsaService backup = pki.services().startTsa(second);
            assertThat(backup.url().getPort()).isNotEqualTo(pki.services().tsaUrl().getPort());

            TimeStampRequest request = request(TSPAlgorithms.SHA256, sha256("b"), BigInteger.ONE, true);
            TimeStampResponse response = post(backup, request);
            response.validate(request);
            response.getTimeStampToken().validate(new JcaSimpleSignerInfoVerifierBuilder().build(second.certificate()));
            assertThat(backup.requestCount()).isEqualTo(1);
            assertThat(pki.services().tsa().requestCount()).isZero();
        }
    }

    @Test
    void genTimeComesFromThePkiClock() throws Exception {
        Instant then = Instant.parse("2031-05-01T10:15:30Z");
        try (TestPki pki = TestPki.builder().clock(Clock.fixed(then, ZoneOffset.UTC))
                .tsaKeyType(dev.vellum.testkit.pki.KeyType.ECDSA_P256).build()) {
            TimeStampRequest request = request(TSPAlgorithms.SHA256, sha256("2031"), BigInteger.ONE, true);
            TimeStampToken token = post(pki.services().tsa(), request).getTimeStampToken();
            assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isEqualTo(then);
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(pki.tsa().certificate()));
        }
    }

    static TimeStampResponse post(TsaService tsa, TimeStampRequest request) throws Exception {
        HttpResponse<byte[]> response = Http.post(tsa.url(), "application/timestamp-query", request.getEncoded());
        assertThat(response.statusCode()).as(() -> new String(response.body())).isEqualTo(200);
        return new TimeStampResponse(response.body());
    }

    static TimeStampRequest request(org.bouncycastle.asn1.ASN1ObjectIdentifier algorithm, byte[] digest,
                                    BigInteger nonce, boolean certReq) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(certReq);
        return generator.generate(algorithm, digest, nonce);
    }

    static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes());
    }
}
