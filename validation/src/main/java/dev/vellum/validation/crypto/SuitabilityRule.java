package dev.vellum.validation.crypto;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the dated crypto table: material made with {@code algorithm} (and a key size inside
 * the range, for public-key algorithms) is suitable if it was produced before {@code suitableBefore}
 * (TS 119 312 Annex D "suggested cryptographic constraint"); no date means no known end.
 *
 * @param algorithm a canonical digest name ({@code SHA-1}) or key algorithm ({@code RSA})
 * @param minKeySize smallest key size the row covers (0 for digests)
 * @param maxKeySize largest key size the row covers ({@link Integer#MAX_VALUE} for "and above")
 * @param suitableBefore the first day on which newly produced material is no longer suitable
 * @param note where the date comes from, and how it differs from DSS's shipped policy
 */
public record SuitabilityRule(String algorithm, int minKeySize, int maxKeySize,
                              LocalDate suitableBefore, String note) {

    public SuitabilityRule {
        Objects.requireNonNull(algorithm, "algorithm");
        if (minKeySize > maxKeySize) {
            throw new IllegalArgumentException("key size range " + minKeySize + ".." + maxKeySize
                    + " of " + algorithm + " is empty");
        }
        note = note == null ? "" : note;
    }

    /** The end date, if one is known. */
    public Optional<LocalDate> end() {
        return Optional.ofNullable(suitableBefore);
    }

    boolean covers(String name, int keySize) {
        return algorithm.equalsIgnoreCase(name) && keySize >= minKeySize && keySize <= maxKeySize;
    }
}
