package dev.vellum.validation.crypto;

import java.time.Instant;
import java.util.Optional;

/**
 * What the policy says about one {@link AlgorithmUse}: whether the policy knows it at all, and the
 * instant from which material made with it is no longer suitable (empty: no known end).
 *
 * @param use what was judged
 * @param known whether every part of the use (digest and key algorithm with size) is in the policy
 * @param suitableBefore the earliest end of the parts' suitability, if any
 * @param reason which part limits it, e.g. {@code SHA-1 suitable before 2012-08-01}
 */
public record Suitability(AlgorithmUse use, boolean known, Optional<Instant> suitableBefore, String reason) {

    /** Whether material produced at {@code time} is acceptable. */
    public boolean isSuitableAt(Instant time) {
        return known && suitableBefore.map(time::isBefore).orElse(true);
    }
}
