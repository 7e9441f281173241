package dev.vellum.validation.x509;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** SHA-256 fingerprints: the identity Vellum uses for certificates and validation objects. */
public final class Fingerprints {
    private static final HexFormat HEX = HexFormat.of();
    /** Never updated: only cloned. */
    private static final MessageDigest SHA256;

    static {
        try {
            SHA256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Fingerprints() {
    }

    public static String sha256Hex(byte[] data) {
        return HEX.formatHex(sha256(data));
    }

    public static byte[] sha256(byte[] data) {
        return newSha256().digest(data);
    }

    /** A fresh SHA-256 digest, cloned from an untouched prototype (cheaper than a provider look-up). */
    private static MessageDigest newSha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException missing) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", missing);
            }
        }
    }

    public static String of(X509Certificate certificate) {
        return sha256Hex(encoded(certificate));
    }

    public static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate " + certificate.getSubjectX500Principal()
                    + " cannot be encoded", e);
        }
    }
}
