package dev.vellum.timestamping;

/**
 * Why one TSA did not give us a usable token: each transport problem and each RFC 3161 / RFC 5816
 * verification check has its own value, so a message (and a test) can name exactly what failed.
 */
public enum TsaFailure {
    // Transport: worth retrying on the same TSA.
    CONNECTION("connection", true),
    TIMEOUT("timeout", true),
    HTTP_STATUS("HTTP status", true),
    // The answer is not a time-stamp response at all.
    NOT_A_TIMESTAMP_REPLY("content type", false),
    RESPONSE_TOO_LARGE("response size", false),
    MALFORMED_RESPONSE("response format", false),
    // RFC 3161 §2.4.2 and §3.4 checks on the response and its token.
    STATUS_NOT_GRANTED("status", false),
    NONCE_MISMATCH("nonce", false),
    IMPRINT_ALGORITHM_MISMATCH("imprint algorithm", false),
    IMPRINT_MISMATCH("imprint", false),
    POLICY_MISMATCH("policy", false),
    SIGNER_CERTIFICATE_MISSING("TSA certificate", false),
    ESS_CERT_ID_MISMATCH("ESSCertID", false),
    EXTENDED_KEY_USAGE("extended key usage", false),
    SIGNATURE_INVALID("token signature", false),
    CERTIFICATE_NOT_VALID_AT_GEN_TIME("TSA certificate validity", false),
    UNTRUSTED_TSA("TSA trust", false),
    GEN_TIME_SKEW("genTime skew", false),
    // A member of a failover chain that is not an HTTP client failed in its own way.
    SOURCE_ERROR("time-stamp source", false),
    // Failover bookkeeping.
    CIRCUIT_OPEN("circuit breaker", false),
    INTERRUPTED("interrupted", false);

    private final String check;
    private final boolean retryable;

    TsaFailure(String check, boolean retryable) {
        this.check = check;
        this.retryable = retryable;
    }

    /** The short name of the failed check, as it appears in messages ("nonce", "ESSCertID", ...). */
    public String check() {
        return check;
    }

    /** Whether asking the same TSA again may help (transport trouble, not a bad token). */
    public boolean retryable() {
        return retryable;
    }
}
