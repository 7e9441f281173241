package dev.vellum.policy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/** The digest algorithms a policy hash may use, by OID and by name ("SHA-256", "sha256" and "SHA256" all work). */
public enum HashAlgorithm {
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

    HashAlgorithm(String oid, String jcaName, int digestLength) {
        this.oid = oid;
        this.jcaName = jcaName;
        this.digestLength = digestLength;
    }

    public String oid() {
        return oid;
    }

    public String jcaName() {
        return jcaName;
    }

    public int digestLength() {
        return digestLength;
    }

    public static HashAlgorithm fromOid(String oid) {
        for (HashAlgorithm a : values()) {
            if (a.oid.equals(oid)) {
                return a;
            }
        }
        throw new PolicyException("hash algorithm " + oid + " is not supported; supported: " + Arrays.stream(values())
                .map(a -> a.jcaName + " (" + a.oid + ")").toList());
    }

    /** Accepts JCA names with or without the hyphen, in any case, or a dotted OID. */
    public static HashAlgorithm fromName(String name) {
        String wanted = normalize(name);
        for (HashAlgorithm a : values()) {
            if (normalize(a.jcaName).equals(wanted) || a.oid.equals(name)) {
                return a;
            }
        }
        throw new PolicyException("unknown hash algorithm \"" + name + "\"; use one of "
                + Arrays.stream(values()).map(HashAlgorithm::jcaName).toList());
    }

    private static String normalize(String name) {
        return name.replace("-", "").replace("_", "").toUpperCase(Locale.ROOT);
    }

    public MessageDigest newMessageDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new PolicyException(jcaName + " is not available in this Java runtime", e);
        }
    }

    public byte[] digest(byte[]... parts) {
        MessageDigest md = newMessageDigest();
        for (byte[] part : parts) {
            md.update(part);
        }
        return md.digest();
    }
}
