package dev.vellum.validation.x509;

/**
 * How validity periods combine along a chain (EN 319 102-1 §5.6.2.1 and Annex; TR-ESOR's shell and
 * chain models).
 */
public enum CertificateModel {
    /** Every certificate must be valid at the validation time (RFC 5280 §6.1). */
    SHELL,
    /** Each certificate must be valid when it was used: the signer's at the validation time, each CA's when it issued its child. */
    CHAIN
}
