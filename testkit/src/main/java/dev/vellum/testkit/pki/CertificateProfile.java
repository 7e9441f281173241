package dev.vellum.testkit.pki;

/**
 * The default extensions of an issued certificate; {@link CertificateBuilder} can override each one.
 *
 * <ul>
 *   <li>{@link #CA}: basicConstraints cA (critical), keyUsage digitalSignature, keyCertSign, cRLSign (critical).
 *   <li>{@link #SIGNER}: keyUsage digitalSignature, nonRepudiation (critical); extendedKeyUsage emailProtection;
 *       subjectAltName rfc822Name {@code <name>@vellum.test}.
 *   <li>{@link #TSA}: keyUsage digitalSignature, nonRepudiation (critical); extendedKeyUsage timeStamping as the
 *       sole purpose, critical (RFC 3161 §2.3).
 *   <li>{@link #OCSP_RESPONDER}: keyUsage digitalSignature (critical); extendedKeyUsage OCSPSigning;
 *       id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1).
 * </ul>
 * Every certificate but a self-signed one also gets CRL distribution points and authority information access
 * (OCSP and caIssuers) pointing at the PKI's live services, subject to its {@link RevocationSource}.
 */
public enum CertificateProfile {
    CA,
    SIGNER,
    TSA,
    OCSP_RESPONDER
}
