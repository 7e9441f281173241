package dev.vellum.app.upgrade;

import java.time.Instant;
import java.util.Collection;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TimeStampToken;

/** Facts about a time-stamp that decide when the evidence it carries must be renewed. */
public final class Evidence {
    private Evidence() {
    }

    /** The expiry of the certificate that signed this token: the evidence must be renewed before it. */
    public static Instant protectsUntil(TimeStampToken token) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        return matches.stream().findFirst()
                .map(c -> c.getNotAfter().toInstant())
                .orElseThrow(() -> new UpgradeException("the time-stamp token does not carry its TSA certificate"));
    }
}
