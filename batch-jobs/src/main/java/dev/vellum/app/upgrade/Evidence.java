package dev.vellum.app.upgrade;

import java.time.Instant;
import java.util.Collection;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TimeStampToken;

/** Facts about a time-stamp that decide when the evidence it carries must be renewed. */
public final class Evidence {
    private Evidence() {
    }

    private static final dev.vellum.validation.crypto.CryptoSuitabilityPolicy POLICY =
            dev.vellum.validation.crypto.CryptoSuitabilityPolicy.ts119312();

    /**
     * Until when evidence resting on this token protects the item: the earlier of the TSA
     * certificate's expiry and the end of the hash algorithm's suitability (ETSI TS 119 312), after
     * which a time-stamp renewal, respectively a hash-tree renewal, is needed (RFC 4998 §5.2).
     */
    public static Instant protectsUntil(TimeStampToken token, String digestAlgorithm) {
        return earlierOfSunset(tsaCertificateExpiry(token), digestAlgorithm);
    }

    /** The earlier of {@code certificateExpiry} and the end of the digest algorithm's suitability. */
    public static Instant earlierOfSunset(Instant certificateExpiry, String digestAlgorithm) {
        return POLICY.evaluateDigest(digestAlgorithm).suitableBefore()
                .filter(sunset -> sunset.isBefore(certificateExpiry))
                .orElse(certificateExpiry);
    }

    /** The expiry of the certificate that signed this token. */
    public static Instant tsaCertificateExpiry(TimeStampToken token) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        return matches.stream().findFirst()
                .map(c -> c.getNotAfter().toInstant())
                .orElseThrow(() -> new UpgradeException("the time-stamp token does not carry its TSA certificate"));
    }
}
