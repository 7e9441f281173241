package dev.vellum.formats.create;

import dev.vellum.timestamping.DigestAlgorithm;
import java.time.Instant;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * What an attribute builder may need while a SignerInfo is made.
 *
 * @param contentDigest H(content) with {@code digestAlgorithm} (for a countersignature: of the
 *     countersigned signature value)
 * @param counterSignature whether a countersignature is being made (no content-type then)
 * @param signingTime the instant the signature claims, read once from the signer's clock
 */
public record SigningContext(SigningKey key, DigestAlgorithm digestAlgorithm, AlgorithmIdentifier signatureAlgorithm,
                             byte[] contentDigest, ContentSupplier content, boolean counterSignature, Instant signingTime) {

    /** Re-reads the signed content (a content time-stamp hashes it with its own algorithm). */
    @FunctionalInterface
    public interface ContentSupplier {
        byte[] digest(DigestAlgorithm algorithm);
    }

    public SigningContext {
        contentDigest = contentDigest.clone();
    }

    @Override
    public byte[] contentDigest() {
        return contentDigest.clone();
    }
}
