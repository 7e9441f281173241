package dev.vellum.formats.timestamp;

import dev.vellum.formats.Check;
import dev.vellum.formats.ValidationData;
import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * One time-stamp token found in a signature, with its message imprint recomputed (STANDARDS.md §1.2).
 * The TSA's signature and certificate are for the validation module (timestamping's verifier) to check.
 *
 * @param kind which CAdES time-stamp attribute carried it
 * @param index position among this signer's attributes of the same kind, in stored order (0-based)
 * @param imprintCheck PASSED when our recomputed imprint equals the token's messageImprint
 * @param hashIndex the ats-hash-index of an ATSv3
 * @param hashIndexCheck for ATSv3: every index entry matches an element of the signature
 * @param tokenData certificates/CRLs/OCSP inside the token (its SignedData and its own unsigned
 *     certificate-values/revocation-values attributes)
 */
public record EmbeddedTimestamp(TimestampKind kind, int index, TimeStampToken token, Instant genTime,
                                String imprintAlgorithmOid, byte[] imprint, Check imprintCheck,
                                Optional<AtsHashIndex> hashIndex, Check hashIndexCheck, ValidationData tokenData) {

    public EmbeddedTimestamp {
        imprint = imprint.clone();
    }

    @Override
    public byte[] imprint() {
        return imprint.clone();
    }

    /** e.g. "archive-time-stamp-v3 #2". */
    public String label() {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " #" + (index + 1);
    }
}
