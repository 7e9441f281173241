package dev.vellum.testkit.services;

import dev.vellum.testkit.pki.CertificateProfile;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.OcspCertStatus;
import dev.vellum.testkit.pki.OcspResponseBuilder;
import dev.vellum.testkit.pki.TestPki;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;

/**
 * An OCSP responder (RFC 6960) for every CA of the PKI, by POST ({@code application/ocsp-request}) or GET
 * ({@code /ocsp/<base64 request>}, RFC 6960 Appendix A.1). Answers come from the revocation database at the
 * PKI clock's now, signed by the CA's delegated responder (the intermediate's is {@link TestPki#ocspResponder()})
 * or by the CA itself; a request nonce is echoed. A request about no known CA gets {@code unauthorized}.
 */
public final class OcspService extends HttpService {
    private final TestPki pki;
    private volatile Credential rogueResponder;
    private volatile Credential untrustedResponder;

    OcspService(TestPki pki) {
        super("ocsp", pki.clock(), EnumSet.of(FailureMode.BAD_SIGNATURE, FailureMode.WRONG_NONCE,
                FailureMode.MISSING_NONCE, FailureMode.STALE, FailureMode.MALFORMED_REQUEST,
                FailureMode.INTERNAL_ERROR, FailureMode.TRY_LATER, FailureMode.SIG_REQUIRED,
                FailureMode.UNAUTHORIZED, FailureMode.UNKNOWN_STATUS, FailureMode.WRONG_CERT_ID,
                FailureMode.RESPONDER_NOT_AUTHORIZED, FailureMode.RESPONDER_UNTRUSTED));
        this.pki = pki;
    }

    /** The responder URL, as in the certificates' AIA. */
    public URI url() {
        return baseUrl().resolve("/ocsp");
    }

    @Override
    String contentType() {
        return "application/ocsp-response";
    }

    @Override
    Reply serve(RecordedRequest request, FailureMode failure) throws Exception {
        OCSPReq ocspRequest;
        try {
            ocspRequest = parse(request);
        } catch (IOException | IllegalArgumentException e) {
            return error(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        if (ocspRequest == null) {
            return Reply.text(404, "no OCSP responder at " + request.path());
        }
        if (failure != null) {
            switch (failure) {
                case MALFORMED_REQUEST -> {
                    return error(OCSPRespBuilder.MALFORMED_REQUEST);
                }
                case INTERNAL_ERROR -> {
                    return error(OCSPRespBuilder.INTERNAL_ERROR);
                }
                case TRY_LATER -> {
                    return error(OCSPRespBuilder.TRY_LATER);
                }
                case SIG_REQUIRED -> {
                    return error(OCSPRespBuilder.SIG_REQUIRED);
                }
                case UNAUTHORIZED -> {
                    return error(OCSPRespBuilder.UNAUTHORIZED);
                }
                default -> {
                    // shapes the signed answer below
                }
            }
        }
        Req[] asked = ocspRequest.getRequestList();
        if (asked.length == 0 || Arrays.stream(asked).noneMatch(r -> pki.knowsIssuerOf(r.getCertID()))) {
            return error(OCSPRespBuilder.UNAUTHORIZED); // RFC 6960 §2.3: not authoritative for these certificates
        }
        OcspResponseBuilder builder = pki.ocspResponse(ocspRequest);
        if (failure != null) {
            shape(builder, failure, ocspRequest, asked[0]);
        }
        return Reply.ok(contentType(), builder.build());
    }

    private void shape(OcspResponseBuilder builder, FailureMode failure, OCSPReq request, Req first) {
        Instant now = pki.clock().instant();
        switch (failure) {
            case BAD_SIGNATURE -> builder.badSignature();
            case WRONG_NONCE -> builder.nonce(otherNonce(request));
            case MISSING_NONCE -> builder.withoutNonce();
            case STALE -> builder.at(now.minus(Duration.ofDays(10))).nextUpdate(now.minus(Duration.ofDays(3)));
            case UNKNOWN_STATUS -> builder.status(OcspCertStatus.UNKNOWN);
            case WRONG_CERT_ID -> builder.answerForSerial(first.getCertID().getSerialNumber().add(BigInteger.ONE));
            case RESPONDER_NOT_AUTHORIZED -> builder.signedBy(rogueResponder());
            case RESPONDER_UNTRUSTED -> builder.signedBy(untrustedResponder());
            default -> throw new IllegalStateException("the OCSP service does not shape answers for " + failure);
        }
    }

    private static byte[] otherNonce(OCSPReq request) {
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        byte[] value = nonce == null ? new byte[16]
                : ASN1OctetString.getInstance(nonce.getParsedValue()).getOctets().clone();
        if (value.length == 0) {
            return new byte[] {1};
        }
        value[value.length - 1] ^= 0x01;
        return value;
    }

    /** A certificate of the intermediate without the OCSPSigning EKU: not allowed to answer for it. */
    private synchronized Credential rogueResponder() {
        if (rogueResponder == null) {
            rogueResponder = pki.issue("ocsp-rogue-responder").profile(CertificateProfile.SIGNER)
                    .subject("CN=Rogue OCSP Responder, OU=" + pki.label() + ", O=Vellum Test PKI, C=DE").build();
        }
        return rogueResponder;
    }

    /** A proper OCSP responder certificate, but under the untrusted root. */
    private synchronized Credential untrustedResponder() {
        if (untrustedResponder == null) {
            untrustedResponder = pki.issue("ocsp-untrusted-responder").issuer(pki.untrustedRoot())
                    .profile(CertificateProfile.OCSP_RESPONDER)
                    .subject("CN=Untrusted OCSP Responder, OU=" + pki.label() + ", O=Untrusted Test PKI, C=DE").build();
        }
        return untrustedResponder;
    }

    private static OCSPReq parse(RecordedRequest request) throws IOException {
        if (request.method().equals("POST") && request.path().equals("/ocsp")) {
            return new OCSPReq(request.body());
        }
        Optional<String> encoded = pathAfter(request, "/ocsp/");
        if (request.method().equals("GET") && encoded.isPresent()) {
            // RFC 6960 A.1: url-encoding of the base64 request; a literal '+' from a lax client stays a '+'
            String base64 = URLDecoder.decode(encoded.get().replace("+", "%2B"), StandardCharsets.US_ASCII);
            return new OCSPReq(Base64.getDecoder().decode(base64));
        }
        return null;
    }

    private static Reply error(int status) throws OCSPException, IOException {
        return Reply.ok("application/ocsp-response", new OCSPRespBuilder().build(status, null).getEncoded());
    }
}
