package dev.vellum.testkit.pki;

/** The certStatus of an OCSP SingleResponse (RFC 6960 §4.2.1). */
public enum OcspCertStatus {
    GOOD,
    REVOKED,
    UNKNOWN
}
