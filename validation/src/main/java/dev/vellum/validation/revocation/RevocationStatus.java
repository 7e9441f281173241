package dev.vellum.validation.revocation;

/** A certificate's status according to one CRL or OCSP response (RFC 5280 / RFC 6960). */
public enum RevocationStatus {
    GOOD,
    REVOKED,
    UNKNOWN
}
