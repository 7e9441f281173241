package dev.vellum.validation.data;

/** Where a certificate, CRL or OCSP response used in a validation came from. */
public enum Origin {
    /** Inside the signature: SignedData certificates/crls, certificate-values, revocation-values. */
    SIGNATURE,
    /** Inside a time-stamp token or an archive time-stamp's own data. */
    TIMESTAMP,
    /** Given by the caller (a validation-data directory, the archive, an intermediate pool). */
    SUPPLIED,
    /** One of the trust anchors. */
    TRUST_STORE,
    /** Fetched online (CRL distribution point, OCSP responder, AIA caIssuers). */
    FETCHED
}
