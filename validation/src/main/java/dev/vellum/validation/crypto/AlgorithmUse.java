package dev.vellum.validation.crypto;

import java.util.Objects;

/**
 * One use of cryptography to be judged by the suitability policy: the digest algorithm, the
 * signature (public-key) algorithm and its key size, e.g. SHA-256 with RSA 2048.
 *
 * @param digestAlgorithm canonical digest name ({@code SHA-256}, {@code SHA-1}, ...), or
 *     {@code null} when the scheme has its own (Ed25519)
 * @param keyAlgorithm {@code RSA}, {@code RSASSA-PSS}, {@code ECDSA}, {@code EdDSA} or {@code DSA}
 * @param keySize modulus length for RSA/DSA, field size for EC and EdDSA
 */
public record AlgorithmUse(String digestAlgorithm, String keyAlgorithm, int keySize) {

    public AlgorithmUse {
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    }

    /** For reports: {@code SHA-256 with RSA 2048}. */
    public String describe() {
        String key = keyAlgorithm + " " + keySize;
        return digestAlgorithm == null ? key : digestAlgorithm + " with " + key;
    }

    @Override
    public String toString() {
        return describe();
    }
}
