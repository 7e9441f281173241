package dev.vellum.timestamping.ers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The result of checking one evidence record against its data at a validation time.
 *
 * <p>When valid, {@link #proofOfExistence()} is the genTime of the first archive time-stamp: the
 * data provably existed then, however many renewals followed. {@link #timeStamps()} are the
 * tokens that were checked (for further validation of their TSAs, e.g. revocation).
 */
public final class EvidenceRecordVerification {
    private final EvidenceRecordFailure failure;
    private final String message;
    private final Instant proofOfExistence;
    private final List<TimeStampToken> timeStamps;

    private EvidenceRecordVerification(EvidenceRecordFailure failure, String message, Instant proofOfExistence,
                                       List<TimeStampToken> timeStamps) {
        this.failure = failure;
        this.message = message;
        this.proofOfExistence = proofOfExistence;
        this.timeStamps = List.copyOf(timeStamps);
    }

    static EvidenceRecordVerification passed(Instant proofOfExistence, List<TimeStampToken> timeStamps) {
        return new EvidenceRecordVerification(null, "the evidence record proves the data existed at " + proofOfExistence,
                proofOfExistence, timeStamps);
    }

    static EvidenceRecordVerification failed(EvidenceRecordFailure failure, String message, List<TimeStampToken> checked) {
        return new EvidenceRecordVerification(failure, message, null, checked);
    }

    public boolean valid() {
        return failure == null;
    }

    public Optional<EvidenceRecordFailure> failure() {
        return Optional.ofNullable(failure);
    }

    /** What was found, in words. */
    public String message() {
        return message;
    }

    /** genTime of the first archive time-stamp; empty when the record failed. */
    public Optional<Instant> proofOfExistence() {
        return Optional.ofNullable(proofOfExistence);
    }

    /** The archive time-stamps that were in force at the validation time, oldest first. */
    public List<TimeStampToken> timeStamps() {
        return timeStamps;
    }

    /** This result when valid; otherwise an {@link EvidenceRecordException} with the failure. */
    public EvidenceRecordVerification orThrow() {
        if (failure != null) {
            throw new EvidenceRecordException(failure, message);
        }
        return this;
    }

    @Override
    public String toString() {
        return (failure == null ? "VALID: " : failure + ": ") + message;
    }
}
