package dev.vellum.timestamping.ers;

/** Why an evidence record does not prove its data at the validation time. */
public enum EvidenceRecordFailure {
    /** A data object's hash is not in the record (the data changed, or it is another item's record). */
    HASH_MISMATCH,
    /** The reduced hash tree does not lead to the time-stamped root (the record was altered). */
    HASH_TREE_MISMATCH,
    /** Archive time-stamps of one chain, or a time-stamp and its tree, use different algorithms. */
    ALGORITHM_MISMATCH,
    /** A time-stamp token fails its own checks (signature, TSA certificate, ESSCertID, EKU). */
    TIMESTAMP_INVALID,
    /** A renewal came after the previous time-stamp's TSA certificate had expired. */
    NOT_RENEWED_IN_TIME,
    /** The newest time-stamp's TSA certificate expired before the validation time: renewal was due. */
    EXPIRED,
    /** The first time-stamp is later than the validation time. */
    NOT_YET_EXISTING,
    /** The record is structurally unusable (unknown algorithm, time-stamps out of order, ...). */
    MALFORMED
}
