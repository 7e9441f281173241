package dev.vellum.policy.model;

import java.util.List;

/** RFC 3125 §3.11 AlgAndLength: an algorithm OID, an optional minimum key length in bits, optional extensions. */
public record AlgAndLength(String algID, Integer minKeyLength, List<SignPolExtension> other) {
    public AlgAndLength {
        Fields.required(algID, "AlgAndLength.algID");
        Fields.nonNegative(minKeyLength, "AlgAndLength.minKeyLength");
        other = Fields.optionalList(other);
    }
}
