package dev.vellum.validation.trust;

import java.util.Objects;

/**
 * The anchors a validation trusts, per role: signing certificates (signers, their CAs, OCSP and CRL
 * issuers) and time-stamping units. Most users trust the same set for both ({@link #of}).
 *
 * @param signing anchors for signer chains and revocation data
 * @param timestamping anchors for TSA chains
 */
public record TrustStore(TrustAnchors signing, TrustAnchors timestamping) {

    public TrustStore {
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(timestamping, "timestamping");
    }

    /** The same anchors for every role. */
    public static TrustStore of(TrustAnchors anchors) {
        return new TrustStore(anchors, anchors);
    }

    public static TrustStore empty() {
        return of(TrustAnchors.empty());
    }
}
