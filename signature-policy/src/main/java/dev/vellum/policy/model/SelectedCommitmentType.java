package dev.vellum.policy.model;

/**
 * One entry of SelectedCommitmentTypes: CHOICE { empty NULL, recognizedCommitmentType CommitmentType }.
 * {@code recognized == null} is the {@code empty} choice: the rule applies to signatures that indicate
 * no commitment type (RFC 3125 §3.5).
 */
public record SelectedCommitmentType(CommitmentType recognized) {
    public static final SelectedCommitmentType EMPTY = new SelectedCommitmentType(null);

    public boolean isEmpty() {
        return recognized == null;
    }

    /** Whether this entry selects the indicated commitment type OID (null = none indicated). */
    public boolean selects(String commitmentTypeOid) {
        return commitmentTypeOid == null ? recognized == null
                : recognized != null && recognized.identifier().equals(commitmentTypeOid);
    }
}
