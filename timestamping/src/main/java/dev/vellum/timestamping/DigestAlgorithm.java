package dev.vellum.timestamping;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * The hash algorithms Vellum uses for time-stamp imprints and evidence-record hash trees.
 * SHA-1 and SHA-224 are here for reading old material; new material should use SHA-256 or stronger.
 */
public enum DigestAlgorithm {
    SHA1("1.3.14.3.2.26", "SHA-1", 20),
    SHA224("2.16.840.1.101.3.4.2.4", "SHA-224", 28),
    SHA256("2.16.840.1.101.3.4.2.1", "SHA-256", 32),
    SHA384("2.16.840.1.101.3.4.2.2", "SHA-384", 48),
    SHA512("2.16.840.1.101.3.4.2.3", "SHA-512", 64),
    SHA3_256("2.16.840.1.101.3.4.2.8", "SHA3-256", 32),
    SHA3_384("2.16.840.1.101.3.4.2.9", "SHA3-384", 48),
    SHA3_512("2.16.840.1.101.3.4.2.10", "SHA3-512", 64);

    private final String oid;
    private final String jcaName;
    private final int digestLength;

    DigestAlgorithm(String oid, String jcaName, int digestLength) {
        this.oid = oid;
        this.jcaName = jcaName;
        this.digestLength = digestLength;
    }

    /** The dotted OID, e.g. {@code 2.16.840.1.101.3.4.2.1}. */
    public String oid() {
        return oid;
    }

    /** The JCA standard name, e.g. {@code SHA-256}. */
    public String jcaName() {
        return jcaName;
    }

    /** Length of a digest value in bytes. */
    public int digestLength() {
        return digestLength;
    }

    /** The OID as a Bouncy Castle object. */
    public ASN1ObjectIdentifier asn1Oid() {
        return new ASN1ObjectIdentifier(oid);
    }

    /** An AlgorithmIdentifier without parameters (RFC 5754 §2: parameters absent is preferred). */
    public AlgorithmIdentifier algorithmIdentifier() {
        return new AlgorithmIdentifier(asn1Oid());
    }

    /** The algorithm with this dotted OID; throws {@link TimestampException} naming it if unknown. */
    public static DigestAlgorithm fromOid(String oid) {
        Objects.requireNonNull(oid, "oid");
        for (DigestAlgorithm a : values()) {
            if (a.oid.equals(oid)) {
                return a;
            }
        }
        throw new TimestampException("unsupported digest algorithm OID " + oid);
    }

    /** The algorithm with this OID; throws {@link TimestampException} naming it if unknown. */
    public static DigestAlgorithm fromOid(ASN1ObjectIdentifier oid) {
        Objects.requireNonNull(oid, "oid");
        return fromOid(oid.getId());
    }

    /** The hash of {@code data}. */
    public byte[] digest(byte[] data) {
        Objects.requireNonNull(data, "data");
        return newMessageDigest().digest(data);
    }

    /** A fresh, unshared MessageDigest (the JDK's where it has one, else Bouncy Castle's). */
    public MessageDigest newMessageDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException jdkLacksIt) {
            try {
                return MessageDigest.getInstance(jcaName, bouncyCastle());
            } catch (NoSuchAlgorithmException e) {
                throw new TimestampException("digest algorithm " + jcaName + " is not available", e);
            }
        }
    }

    private static java.security.Provider bouncyCastle() {
        return BouncyCastle.provider();
    }
}
