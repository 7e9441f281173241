package dev.vellum.formats.attribute;

import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;

/**
 * A reference to a certificate by hash: an ESSCertID (signing-certificate, SHA-1), ESSCertIDv2
 * (signing-certificate-v2) or OtherCertID (other-signing-certificate, complete-certificate-references,
 * attribute-certificate-references).
 *
 * @param source which attribute syntax the reference came from
 * @param hashAlgorithmOid the hash algorithm of {@code hash} (defaults already applied)
 * @param hash the hash over the whole DER certificate
 * @param issuerSerial the optional issuer/serial hint
 */
public record CertificateRef(Source source, String hashAlgorithmOid, byte[] hash, Optional<IssuerSerialRef> issuerSerial) {

    /** Which attribute syntax a certificate reference came from. */
    public enum Source { ESS_CERT_ID, ESS_CERT_ID_V2, OTHER_CERT_ID }

    public CertificateRef {
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /** Whether {@code certificate}'s DER hash equals this reference's hash (the binding; EN 319 122-1 §5.2.2.3). */
    public boolean matches(X509Certificate certificate) {
        try {
            // the JDK's digest where it has the algorithm (intrinsic SHA-2), else Bouncy Castle's: the same hash
            MessageDigest md = dev.vellum.formats.timestamp.Digests.forOid(hashAlgorithmOid);
            return Arrays.equals(md.digest(certificate.getEncoded()), hash);
        } catch (dev.vellum.formats.SignatureFormatException | CertificateEncodingException e) {
            return false;
        }
    }
}
