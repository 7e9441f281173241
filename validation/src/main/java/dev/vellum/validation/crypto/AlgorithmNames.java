package dev.vellum.validation.crypto;

import java.security.PublicKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Maps algorithm OIDs and keys to the canonical names of the crypto table. Written by hand because
 * the table needs the digest and the key family separately, which no JCA name lookup gives.
 */
public final class AlgorithmNames {

    private static final Map<String, String> DIGESTS = Map.ofEntries(
            Map.entry("1.2.840.113549.2.5", "MD5"),
            Map.entry("1.3.14.3.2.26", "SHA-1"),
            Map.entry("2.16.840.1.101.3.4.2.4", "SHA-224"),
            Map.entry("2.16.840.1.101.3.4.2.1", "SHA-256"),
            Map.entry("2.16.840.1.101.3.4.2.2", "SHA-384"),
            Map.entry("2.16.840.1.101.3.4.2.3", "SHA-512"),
            Map.entry("2.16.840.1.101.3.4.2.8", "SHA3-256"),
            Map.entry("2.16.840.1.101.3.4.2.9", "SHA3-384"),
            Map.entry("2.16.840.1.101.3.4.2.10", "SHA3-512"),
            Map.entry("2.16.840.1.101.3.4.2.11", "SHAKE128"),
            Map.entry("2.16.840.1.101.3.4.2.12", "SHAKE256"),
            Map.entry("1.3.36.3.2.1", "RIPEMD-160"),
            Map.entry("1.0.10118.3.0.55", "WHIRLPOOL"));

    /** signature OID → {digest, key family}; digest "" means "taken from elsewhere". */
    private static final Map<String, String[]> SIGNATURES = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.1", new String[] {"", "RSA"}),
            Map.entry("1.2.840.113549.1.1.4", new String[] {"MD5", "RSA"}),
            Map.entry("1.2.840.113549.1.1.5", new String[] {"SHA-1", "RSA"}),
            Map.entry("1.2.840.113549.1.1.14", new String[] {"SHA-224", "RSA"}),
            Map.entry("1.2.840.113549.1.1.11", new String[] {"SHA-256", "RSA"}),
            Map.entry("1.2.840.113549.1.1.12", new String[] {"SHA-384", "RSA"}),
            Map.entry("1.2.840.113549.1.1.13", new String[] {"SHA-512", "RSA"}),
            Map.entry("2.16.840.1.101.3.4.3.14", new String[] {"SHA3-256", "RSA"}),
            Map.entry("2.16.840.1.101.3.4.3.15", new String[] {"SHA3-384", "RSA"}),
            Map.entry("2.16.840.1.101.3.4.3.16", new String[] {"SHA3-512", "RSA"}),
            Map.entry("1.2.840.113549.1.1.10", new String[] {"", "RSASSA-PSS"}),
            Map.entry("1.2.840.10045.2.1", new String[] {"", "ECDSA"}),
            Map.entry("1.2.840.10045.4.1", new String[] {"SHA-1", "ECDSA"}),
            Map.entry("1.2.840.10045.4.3.1", new String[] {"SHA-224", "ECDSA"}),
            Map.entry("1.2.840.10045.4.3.2", new String[] {"SHA-256", "ECDSA"}),
            Map.entry("1.2.840.10045.4.3.3", new String[] {"SHA-384", "ECDSA"}),
            Map.entry("1.2.840.10045.4.3.4", new String[] {"SHA-512", "ECDSA"}),
            Map.entry("2.16.840.1.101.3.4.3.10", new String[] {"SHA3-256", "ECDSA"}),
            Map.entry("2.16.840.1.101.3.4.3.11", new String[] {"SHA3-384", "ECDSA"}),
            Map.entry("2.16.840.1.101.3.4.3.12", new String[] {"SHA3-512", "ECDSA"}),
            Map.entry("1.3.101.112", new String[] {null, "EdDSA"}),
            Map.entry("1.3.101.113", new String[] {null, "EdDSA"}),
            Map.entry("1.2.840.10040.4.1", new String[] {"", "DSA"}),
            Map.entry("1.2.840.10040.4.3", new String[] {"SHA-1", "DSA"}),
            Map.entry("2.16.840.1.101.3.4.3.1", new String[] {"SHA-224", "DSA"}),
            Map.entry("2.16.840.1.101.3.4.3.2", new String[] {"SHA-256", "DSA"}));

    private AlgorithmNames() {
    }

    /** Canonical digest name for a digest OID, or the OID itself when unknown. */
    public static String digestName(String oid) {
        return DIGESTS.getOrDefault(oid, oid);
    }

    /**
     * The use made by a signature with algorithm {@code signatureAlgorithm} and key {@code key}.
     * {@code separateDigestOid} is the digest named beside the signature (CMS SignerInfo
     * digestAlgorithm), used when the signature OID does not fix one (rsaEncryption, ecPublicKey).
     */
    public static AlgorithmUse signatureUse(AlgorithmIdentifier signatureAlgorithm, PublicKey key,
                                            String separateDigestOid) {
        String oid = signatureAlgorithm.getAlgorithm().getId();
        String[] parts = SIGNATURES.get(oid);
        String keyAlgorithm = parts != null ? parts[1] : keyFamily(key).orElse(oid);
        String digest;
        if (parts == null) {
            digest = separateDigestOid == null ? oid : digestName(separateDigestOid);
        } else if (parts[0] == null) {
            digest = null;
        } else if (parts[0].isEmpty()) {
            digest = "RSASSA-PSS".equals(parts[1]) ? pssDigest(signatureAlgorithm.getParameters())
                    : separateDigestOid == null ? "unknown" : digestName(separateDigestOid);
        } else {
            digest = parts[0];
        }
        return new AlgorithmUse(digest, keyAlgorithm, keySize(key));
    }

    /** The key size the table uses: modulus bits (RSA, DSA), field bits (EC), 256/456 (EdDSA). */
    public static int keySize(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        if (key instanceof DSAPublicKey dsa) {
            return dsa.getParams().getP().bitLength();
        }
        String alg = key.getAlgorithm();
        if ("Ed25519".equalsIgnoreCase(alg) || "X25519".equalsIgnoreCase(alg)) {
            return 256;
        }
        if ("Ed448".equalsIgnoreCase(alg)) {
            return 456;
        }
        if ("EdDSA".equalsIgnoreCase(alg)) {
            String spkiOid = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getAlgorithm().getId();
            return "1.3.101.113".equals(spkiOid) ? 456 : 256;
        }
        if (key instanceof org.bouncycastle.jce.interfaces.ECPublicKey bcEc) {
            return bcEc.getParameters().getCurve().getFieldSize();
        }
        return 0;
    }

    private static Optional<String> keyFamily(PublicKey key) {
        String alg = key.getAlgorithm();
        return switch (alg.toUpperCase(java.util.Locale.ROOT)) {
            case "RSA" -> Optional.of("RSA");
            case "RSASSA-PSS" -> Optional.of("RSASSA-PSS");
            case "EC", "ECDSA" -> Optional.of("ECDSA");
            case "ED25519", "ED448", "EDDSA" -> Optional.of("EdDSA");
            case "DSA" -> Optional.of("DSA");
            default -> Optional.empty();
        };
    }

    private static String pssDigest(ASN1Encodable parameters) {
        if (parameters == null || parameters.toASN1Primitive() instanceof org.bouncycastle.asn1.ASN1Null) {
            return "SHA-1"; // RFC 4055: absent RSASSA-PSS-params default to SHA-1
        }
        ASN1Primitive p = parameters.toASN1Primitive();
        return digestName(RSASSAPSSparams.getInstance(p).getHashAlgorithm().getAlgorithm().getId());
    }
}
