package dev.vellum.policy.model;

import java.time.Instant;

/** RFC 3125 §3.3 SigningPeriod: signatures under the policy must be made in [notBefore, notAfter]. */
public record SigningPeriod(Instant notBefore, Instant notAfter) {
    public SigningPeriod {
        Fields.required(notBefore, "SigningPeriod.notBefore");
        if (notAfter != null && notAfter.isBefore(notBefore)) {
            throw new dev.vellum.policy.PolicyException(
                    "SigningPeriod.notAfter " + notAfter + " is before notBefore " + notBefore);
        }
    }

    /** Whether a signing time lies in the period (bounds inclusive; no notAfter = open-ended). */
    public boolean contains(Instant signingTime) {
        return !signingTime.isBefore(notBefore) && (notAfter == null || !signingTime.isAfter(notAfter));
    }
}
