package dev.vellum.testkit.pki;

/** Where a certificate says its revocation status can be found. */
public enum RevocationSource {
    /** Both a CRL distribution point and an OCSP URL (the default). */
    CRL_AND_OCSP,
    /** A CRL distribution point only; the AIA has caIssuers but no OCSP URL. */
    CRL_ONLY,
    /** An OCSP URL only; no CRL distribution point. */
    OCSP_ONLY,
    /** Neither. */
    NONE;

    boolean hasCrl() {
        return this == CRL_AND_OCSP || this == CRL_ONLY;
    }

    boolean hasOcsp() {
        return this == CRL_AND_OCSP || this == OCSP_ONLY;
    }
}
