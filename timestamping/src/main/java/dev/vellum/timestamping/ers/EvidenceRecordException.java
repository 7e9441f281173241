package dev.vellum.timestamping.ers;

import dev.vellum.timestamping.TimestampException;

/** An evidence record failed verification; {@link #failure()} says which check. */
public final class EvidenceRecordException extends TimestampException {
    private final EvidenceRecordFailure failure;

    public EvidenceRecordException(EvidenceRecordFailure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public EvidenceRecordFailure failure() {
        return failure;
    }
}
