package dev.vellum.validation.x509;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The role a certificate plays, with the key usage and extended key usage it needs for it
 * (RFC 5280 §4.2.1.3, §4.2.1.12; RFC 3161 §2.3 for TSAs; RFC 6960 §4.2.2.2 for OCSP responders).
 */
public enum CertificateRole {
    /** Signs documents: digitalSignature or nonRepudiation; EKU, if present, not limited to others. */
    SIGNER,
    /** Signs time-stamp tokens: EKU timeStamping only, critical (RFC 3161 §2.3). */
    TSA,
    /** Signs OCSP responses for its issuer: EKU id-kp-OCSPSigning. */
    OCSP_RESPONDER,
    /** Issues certificates: basicConstraints cA and keyCertSign. */
    CA;

    static final String EKU_ANY = "2.5.29.37.0";
    static final String EKU_TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
    static final String EKU_OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
    static final String EKU_EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    static final String EKU_CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
    static final String EKU_DOCUMENT_SIGNING = "1.3.6.1.4.1.311.10.3.12";
    static final String EKU_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final int KEY_CERT_SIGN = 5;

    /** Empty when the certificate fits the role, else the reason it does not. */
    public Optional<String> violation(X509Certificate c) {
        boolean[] ku = c.getKeyUsage();
        List<String> eku = extendedKeyUsage(c);
        String who = DisplayNames.subject(c);
        return switch (this) {
            case SIGNER -> {
                if (ku != null && !(bit(ku, DIGITAL_SIGNATURE) || bit(ku, NON_REPUDIATION))) {
                    yield Optional.of("key usage of " + who + " has neither digitalSignature nor nonRepudiation");
                }
                if (eku != null && !eku.isEmpty() && eku.stream().noneMatch(CertificateRole::signingEku)) {
                    yield Optional.of("extended key usage of " + who + " " + eku + " does not allow signing documents");
                }
                yield Optional.empty();
            }
            case TSA -> {
                if (eku == null || !eku.equals(List.of(EKU_TIME_STAMPING))) {
                    yield Optional.of("TSA certificate " + who + " must have the single extended key usage timeStamping, has "
                            + (eku == null ? "none" : eku));
                }
                if (!c.getCriticalExtensionOIDs().contains("2.5.29.37")) {
                    yield Optional.of("extended key usage of TSA certificate " + who + " is not critical (RFC 3161 §2.3)");
                }
                if (ku != null && !(bit(ku, DIGITAL_SIGNATURE) || bit(ku, NON_REPUDIATION))) {
                    yield Optional.of("key usage of TSA certificate " + who + " does not allow signatures");
                }
                yield Optional.empty();
            }
            case OCSP_RESPONDER -> {
                if (eku == null || !eku.contains(EKU_OCSP_SIGNING)) {
                    yield Optional.of("OCSP responder certificate " + who + " lacks extended key usage OCSPSigning");
                }
                yield Optional.empty();
            }
            case CA -> {
                if (c.getBasicConstraints() < 0) {
                    yield Optional.of(who + " is not a CA (basicConstraints cA is not set)");
                }
                if (ku != null && !bit(ku, KEY_CERT_SIGN)) {
                    yield Optional.of("key usage of CA " + who + " lacks keyCertSign");
                }
                yield Optional.empty();
            }
        };
    }

    private static boolean signingEku(String oid) {
        return !oid.equals(EKU_TIME_STAMPING) && !oid.equals(EKU_OCSP_SIGNING);
    }

    private static boolean bit(boolean[] ku, int i) {
        return ku.length > i && ku[i];
    }

    /** The EKU OIDs, or null when the extension is absent (or unreadable). */
    static List<String> extendedKeyUsage(X509Certificate c) {
        try {
            List<String> eku = c.getExtendedKeyUsage();
            return eku == null ? null : List.copyOf(eku);
        } catch (CertificateParsingException e) {
            return List.of("unreadable");
        }
    }

    /** Whether the certificate carries id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1). */
    public static boolean hasOcspNoCheck(X509Certificate c) {
        return c.getExtensionValue("1.3.6.1.5.5.7.48.1.5") != null;
    }
}
