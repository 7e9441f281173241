package dev.vellum.testkit.pki;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the PKI's revocation database. CRLs and OCSP responses produced at a time before
 * {@code revocationTime} do not show it.
 *
 * @param serialNumber the revoked certificate's serial number
 * @param revocationTime when the revocation takes effect
 * @param reason the reason code
 */
public record Revocation(BigInteger serialNumber, Instant revocationTime, RevocationReason reason) {
    public Revocation {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(revocationTime, "revocationTime");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the revocation is in effect at the given time. */
    public boolean effectiveAt(Instant time) {
        return !revocationTime.isAfter(time);
    }
}
