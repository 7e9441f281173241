package dev.vellum.testkit.services;

import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * A careful client of each test service: it returns {@code null} when it accepts the answer, else the
 * problem it found. The failure-switch tests prove that every switch makes it refuse.
 */
final class RelyingParty {
    static final int MAX_RESPONSE_BYTES = 1 << 20;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final TestPki pki;
    private final Duration timeout;

    RelyingParty(TestPki pki, Duration timeout) {
        this.pki = pki;
        this.timeout = timeout;
    }

    /** Checks what the service answers to a normal request. */
    String check(HttpService service) {
        try {
            if (service instanceof TsaService tsa) {
                return checkTsa(tsa);
            } else if (service instanceof OcspService) {
                return checkOcsp();
            } else if (service instanceof CrlService) {
                return checkCrl();
            } else if (service instanceof CaIssuersService) {
                return checkCaIssuers();
            }
            throw new IllegalArgumentException("no check for " + service.name());
        } catch (Problem p) {
            return p.getMessage();
        } catch (Exception e) {
            return "unexpected: " + e;
        }
    }

    private String checkTsa(TsaService tsa) throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("archive batch".getBytes());
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, digest, new BigInteger(64, new Random()));
        byte[] body = exchange(tsa.url(), "application/timestamp-query", request.getEncoded(), "application/timestamp-reply");
        TimeStampResponse response;
        try {
            response = new TimeStampResponse(body);
        } catch (Exception e) {
            throw new Problem("unparsable time-stamp response: " + e.getMessage());
        }
        if (response.getStatus() != PKIStatus.GRANTED && response.getStatus() != PKIStatus.GRANTED_WITH_MODS) {
            throw new Problem("status " + response.getStatus() + " " + response.getStatusString());
        }
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw new Problem("granted without a token");
        }
        try {
            response.validate(request);
        } catch (Exception e) {
            throw new Problem("response does not match the request: " + e.getMessage());
        }
        @SuppressWarnings("unchecked")
        List<X509CertificateHolder> signers = new ArrayList<>(token.getCertificates().getMatches(token.getSID()));
        if (signers.isEmpty()) {
            throw new Problem("TSA certificate not included although certReq was set");
        }
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signers.get(0)));
        } catch (Exception e) {
            throw new Problem("token does not validate: " + e.getMessage());
        }
        X509Certificate tsaCertificate = new JcaX509CertificateConverter().getCertificate(signers.get(0));
        Date genTime = token.getTimeStampInfo().getGenTime();
        if (!chainsToRoot(tsaCertificate, genTime)) {
            throw new Problem("untrusted TSA certificate " + tsaCertificate.getSubjectX500Principal());
        }
        Instant now = pki.clock().instant();
        if (Duration.between(genTime.toInstant(), now).abs().compareTo(MAX_SKEW) > 0) {
            throw new Problem("genTime " + genTime.toInstant() + " too far from " + now);
        }
        if (!token.getTimeStampInfo().getPolicy().equals(TestPki.TSA_POLICY)) {
            throw new Problem("unexpected TSA policy " + token.getTimeStampInfo().getPolicy());
        }
        return null;
    }

    private String checkOcsp() throws Exception {
        Credential subject = pki.signer(KeyType.ECDSA_P256);
        Credential issuer = pki.intermediate();
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                issuer.certificateHolder(), subject.serialNumber());
        byte[] nonce = new BigInteger(64, new Random()).toByteArray();
        OCSPReq request = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(new Extension(
                OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(new DEROctetString(nonce).getEncoded()))))
                .build();
        byte[] body = exchange(pki.services().ocspUrl(), "application/ocsp-request", request.getEncoded(),
                "application/ocsp-response");
        OCSPResp response;
        try {
            response = new OCSPResp(body);
        } catch (Exception e) {
            throw new Problem("unparsable OCSP response: " + e.getMessage());
        }
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            throw new Problem("OCSP responseStatus " + response.getStatus());
        }
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (echoed == null || !Arrays.equals(ASN1OctetString.getInstance(echoed.getParsedValue()).getOctets(), nonce)) {
            throw new Problem("OCSP nonce not echoed");
        }
        X509CertificateHolder signer = basic.getCerts().length > 0 ? basic.getCerts()[0] : issuer.certificateHolder();
        if (!basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(signer))) {
            throw new Problem("OCSP signature does not verify");
        }
        X509Certificate signerCertificate = new JcaX509CertificateConverter().getCertificate(signer);
        if (!signerCertificate.equals(issuer.certificate())) {
            try {
                signerCertificate.verify(issuer.publicKey());
            } catch (Exception e) {
                throw new Problem("OCSP responder not issued by the CA: " + signerCertificate.getSubjectX500Principal());
            }
            List<String> eku = signerCertificate.getExtendedKeyUsage();
            if (eku == null || !eku.contains(KeyPurposeId.id_kp_OCSPSigning.getId())) {
                throw new Problem("OCSP responder not authorized (no OCSPSigning)");
            }
        }
        SingleResp[] answers = basic.getResponses();
        if (answers.length != 1 || !answers[0].getCertID().equals(id)) {
            throw new Problem("OCSP answer is about another certificate");
        }
        Instant now = pki.clock().instant();
        if (answers[0].getNextUpdate() == null || answers[0].getNextUpdate().toInstant().isBefore(now)
                || answers[0].getThisUpdate().toInstant().isAfter(now.plus(MAX_SKEW))) {
            throw new Problem("OCSP answer not current");
        }
        if (answers[0].getCertStatus() != CertificateStatus.GOOD) {
            throw new Problem("OCSP status " + answers[0].getCertStatus().getClass().getSimpleName());
        }
        return null;
    }

    private String checkCrl() throws Exception {
        Credential issuer = pki.intermediate();
        byte[] body = exchange(pki.services().crlUrl(issuer), null, null, "application/pkix-crl");
        X509CRL crl;
        try {
            crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new Problem("unparsable CRL: " + e.getMessage());
        }
        if (body.length == 0 || body[0] != 0x30) {
            throw new Problem("CRL is not DER");
        }
        if (!crl.getIssuerX500Principal().equals(issuer.certificate().getSubjectX500Principal())) {
            throw new Problem("CRL issued by " + crl.getIssuerX500Principal());
        }
        try {
            crl.verify(issuer.publicKey());
        } catch (Exception e) {
            throw new Problem("CRL signature does not verify: " + e);
        }
        if (crl.getNextUpdate() == null || crl.getNextUpdate().toInstant().isBefore(pki.clock().instant())) {
            throw new Problem("CRL expired at " + crl.getNextUpdate());
        }
        return null;
    }

    private String checkCaIssuers() throws Exception {
        byte[] body = exchange(pki.services().caIssuersUrl(pki.intermediate()), null, null, "application/pkix-cert");
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new Problem("unparsable certificate: " + e.getMessage());
        }
        if (!certificate.equals(pki.intermediate().certificate())) {
            throw new Problem("caIssuers served " + certificate.getSubjectX500Principal());
        }
        return null;
    }

    /** One bounded HTTP exchange; any transport, status, type or size problem is a {@link Problem}. */
    private byte[] exchange(URI url, String contentType, byte[] body, String expectedType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<InputStream> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new Problem("transport: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem("interrupted");
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new Problem("HTTP " + response.statusCode());
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.equals(expectedType)) {
                throw new Problem("content type " + type);
            }
            if (response.headers().firstValueAsLong("Content-Length").orElse(0) > MAX_RESPONSE_BYTES) {
                throw new Problem("response declared larger than " + MAX_RESPONSE_BYTES + " bytes");
            }
            byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (bytes.length > MAX_RESPONSE_BYTES) {
                throw new Problem("response larger than " + MAX_RESPONSE_BYTES + " bytes");
            }
            if (bytes.length == 0) {
                throw new Problem("empty response");
            }
            return bytes;
        } catch (IOException e) {
            throw new Problem("transport while reading: " + e);
        }
    }

    private boolean chainsToRoot(X509Certificate certificate, Date at) {
        try {
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(pki.root().certificate(), null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509")
                    .generateCertPath(List.of(certificate, pki.intermediate().certificate())), parameters);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message);
        }
    }
}
