package dev.vellum.validation.report;

/**
 * Who signed, from the signing certificate.
 *
 * @param name the common name (or the whole subject when there is none)
 * @param subject RFC 2253 subject DN
 * @param email rfc822Name from the SAN or emailAddress from the subject, may be null
 * @param issuer RFC 2253 issuer DN
 * @param serialNumber hex
 * @param certificateId SHA-256 of the certificate, hex
 */
public record SignerIdentity(String name, String subject, String email, String issuer, String serialNumber,
                             String certificateId) {
}
