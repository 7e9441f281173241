package dev.vellum.policy.model;

/** RFC 3125 §3.5 CommitmentType; fieldOfApplication [0] and semantics [1] are null when absent. */
public record CommitmentType(String identifier, DirectoryText fieldOfApplication, DirectoryText semantics) {
    public CommitmentType {
        Fields.required(identifier, "CommitmentType.identifier");
    }
}
