package dev.vellum.testkit.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/**
 * Key types the test PKI can issue certificates for, each with the signature algorithm a signer of
 * that type uses (Bouncy Castle JCA names, e.g. for {@code JcaContentSignerBuilder}).
 */
public enum KeyType {
    /** RSA 1024 bits: weak, for algorithm-suitability scenarios. */
    RSA_1024("RSA", 1024, null, "SHA256withRSA"),
    /** RSA 2048 bits signing with PKCS#1 v1.5. */
    RSA_2048("RSA", 2048, null, "SHA256withRSA"),
    /** RSA 3072 bits signing with PKCS#1 v1.5 (slow to generate: use only where the size matters). */
    RSA_3072("RSA", 3072, null, "SHA256withRSA"),
    /** RSA 2048 bits with an ordinary rsaEncryption public key, signing with RSASSA-PSS (SHA-256, MGF1). */
    RSA_PSS("RSA", 2048, null, "SHA256withRSAandMGF1"),
    /** RSA 2048 bits with an id-RSASSA-PSS public key (RFC 4055 §1.2), usable only for PSS. */
    RSA_PSS_KEY("RSASSA-PSS", 2048, null, "SHA256withRSAandMGF1"),
    /** ECDSA on NIST P-256. */
    ECDSA_P256("EC", 0, "secp256r1", "SHA256withECDSA"),
    /** ECDSA on NIST P-384. */
    ECDSA_P384("EC", 0, "secp384r1", "SHA384withECDSA"),
    /** Ed25519 (RFC 8410). */
    ED25519("Ed25519", 0, null, "Ed25519");

    private final String jcaKeyAlgorithm;
    private final int rsaBits;
    private final String curve;
    private final String signatureAlgorithm;

    KeyType(String jcaKeyAlgorithm, int rsaBits, String curve, String signatureAlgorithm) {
        this.jcaKeyAlgorithm = jcaKeyAlgorithm;
        this.rsaBits = rsaBits;
        this.curve = curve;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The signature algorithm a signer with this key uses, as a Bouncy Castle JCA name. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** Whether the key is an RSA key (any padding). */
    public boolean isRsa() {
        return rsaBits > 0;
    }

    /** A fresh key pair from the JDK providers. */
    public KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaKeyAlgorithm);
            if (rsaBits > 0) {
                generator.initialize(rsaBits);
            } else if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new TestPkiException("cannot generate a " + this + " key pair", e);
        }
    }
}
