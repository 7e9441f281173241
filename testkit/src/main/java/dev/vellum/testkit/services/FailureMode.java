package dev.vellum.testkit.services;

/**
 * Ways a test service can misbehave, switched on with {@link HttpService#failWith(FailureMode)} or
 * {@link HttpService#failNext(int, FailureMode)}. Transport failures work on every service; the others
 * only where their javadoc says ({@link HttpService#supportedFailures()} lists them).
 */
public enum FailureMode {
    // --- transport: every service ---
    /** HTTP 500 with a short text body. */
    HTTP_500(true),
    /** HTTP 404 with a short text body. */
    NOT_FOUND(true),
    /** Accept the request and answer nothing until {@link HttpService#hangFor} passes (default 30 s) or the switch is reset. */
    TIMEOUT(true),
    /** The port is closed: connections are refused until the switch is reset (same port again). */
    DOWN(true),
    /** Read the request, then close the connection without any HTTP response. */
    CONNECTION_CLOSED(true),
    /** HTTP 200 with the right content type and 512 random bytes. */
    GARBAGE(true),
    /** HTTP 200 with the right content type and no body. */
    EMPTY_BODY(true),
    /** The normal answer cut in half. */
    TRUNCATED(true),
    /** HTTP 200, {@code text/html}, an HTML error page (what proxies and captive portals send). */
    HTML_ERROR_PAGE(true),
    /** The normal answer labelled {@code text/plain}. */
    WRONG_CONTENT_TYPE(true),
    /** HTTP 200 declaring and streaming {@link HttpService#oversizedBytes} bytes (default 32 MiB). */
    OVERSIZED(true),
    /** Like {@link #OVERSIZED} but chunked, without a Content-Length. */
    OVERSIZED_CHUNKED(true),

    // --- shared by several protocols ---
    /** TSA, OCSP, CRL: the signature does not verify. */
    BAD_SIGNATURE(false),
    /** TSA, OCSP: the response carries another nonce than the request's. */
    WRONG_NONCE(false),
    /** TSA, OCSP: the response carries no nonce although the request had one. */
    MISSING_NONCE(false),
    /** OCSP: thisUpdate 10 days ago, nextUpdate 3 days ago. CRL: thisUpdate 14 days ago, nextUpdate 7 days ago. */
    STALE(false),

    // --- TSA (RFC 3161) ---
    /** A token over another digest than the one asked. */
    WRONG_IMPRINT(false),
    /** A token whose imprint uses another digest algorithm than the one asked. */
    WRONG_DIGEST_ALGORITHM(false),
    /** A token under policy {@code 2.999.3161.99} whatever was asked. */
    WRONG_POLICY(false),
    /** Status rejection (failInfo badRequest). */
    REJECTION(false),
    /** Status waiting, no token. */
    WAITING(false),
    /** Status granted but no token. */
    GRANTED_WITHOUT_TOKEN(false),
    /** Status granted with a SignedData that has no SignerInfo. */
    UNSIGNED_TOKEN(false),
    /** certReq ignored: the token carries no certificates. */
    CERT_NOT_INCLUDED(false),
    /** The signing-certificate-v2 attribute names another certificate than the signer's. */
    WRONG_SIGNING_CERTIFICATE(false),
    /** Signed with a TSA certificate whose timeStamping EKU is not critical. */
    TSA_CERT_EKU_NOT_CRITICAL(false),
    /** Signed with a TSA certificate whose EKU lists emailProtection besides timeStamping. */
    TSA_CERT_EXTRA_EKU(false),
    /** Signed with a TSA certificate without any EKU. */
    TSA_CERT_WITHOUT_EKU(false),
    /** Signed with a TSA certificate that expired before genTime. */
    TSA_CERT_EXPIRED(false),
    /** Signed with a TSA certificate under the untrusted root. */
    TSA_CERT_UNTRUSTED(false),
    /** genTime shifted by {@link TsaService#genTimeSkew} (default one hour ahead). */
    GEN_TIME_SKEWED(false),

    // --- OCSP (RFC 6960) ---
    /** responseStatus malformedRequest. */
    MALFORMED_REQUEST(false),
    /** responseStatus internalError. */
    INTERNAL_ERROR(false),
    /** responseStatus tryLater. */
    TRY_LATER(false),
    /** responseStatus sigRequired. */
    SIG_REQUIRED(false),
    /** responseStatus unauthorized. */
    UNAUTHORIZED(false),
    /** Every certificate answered unknown. */
    UNKNOWN_STATUS(false),
    /** The answer is about another serial number than the one asked. */
    WRONG_CERT_ID(false),
    /** Signed by a certificate of the right CA without the OCSPSigning EKU. */
    RESPONDER_NOT_AUTHORIZED(false),
    /** Signed by an OCSP responder certificate under the untrusted root. */
    RESPONDER_UNTRUSTED(false),

    // --- CRL ---
    /** The CRL is signed by another CA (its issuer name is that CA's). */
    WRONG_ISSUER(false),
    /** The CRL is served as PEM text instead of DER. */
    PEM_ENCODED(false),

    // --- caIssuers ---
    /** Another CA's certificate is served. */
    WRONG_CERTIFICATE(false);

    private final boolean transport;

    FailureMode(boolean transport) {
        this.transport = transport;
    }

    /** Whether the failure is at the HTTP level, the same on every service. */
    public boolean isTransport() {
        return transport;
    }
}
