package dev.vellum.formats.create;

import dev.vellum.formats.SignatureFormatException;
import dev.vellum.timestamping.DigestAlgorithm;
import java.security.PublicKey;
import java.util.Locale;

/** Chooses the JCA signature algorithm name for a key type, digest and padding. */
final class SignatureAlgorithms {
    private SignatureAlgorithms() {
    }

    /** Ed25519 requires SHA-512 for the message digest (RFC 8419 §3). */
    static DigestAlgorithm defaultDigest(PublicKey key) {
        String a = key.getAlgorithm();
        boolean edwards = a.equalsIgnoreCase("Ed25519") || a.equalsIgnoreCase("EdDSA") || a.equalsIgnoreCase("Ed448");
        return edwards ? DigestAlgorithm.SHA512 : DigestAlgorithm.SHA256;
    }

    static String jcaName(PublicKey key, DigestAlgorithm digest, boolean rsaPss) {
        String alg = key.getAlgorithm().toUpperCase(Locale.ROOT);
        String d = digest.jcaName().startsWith("SHA3") ? digest.jcaName() : digest.jcaName().replace("-", "");
        return switch (alg) {
            case "RSA" -> rsaPss ? d + "withRSAandMGF1" : d + "withRSA";
            case "RSASSA-PSS" -> d + "withRSAandMGF1";
            case "EC", "ECDSA" -> d + "withECDSA";
            case "DSA" -> d + "withDSA";
            case "ED25519" -> "Ed25519";
            case "ED448" -> "Ed448";
            case "EDDSA" -> key.getEncoded().length < 50 ? "Ed25519" : "Ed448";
            default -> throw new SignatureFormatException("unsupported signing key algorithm " + key.getAlgorithm());
        };
    }
}
