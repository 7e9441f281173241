package dev.vellum.policy.model;

/**
 * An X.509 AlgorithmIdentifier. {@code parameters} is the DER of the parameters field, or null when
 * the field is absent (SHA-2 identifiers appear both with absent and with NULL parameters in the
 * wild; keeping which one was used keeps the policy hash reproducible).
 */
public record AlgorithmId(String algorithm, Bytes parameters) {
    public AlgorithmId {
        Fields.required(algorithm, "AlgorithmIdentifier.algorithm");
    }

    public static AlgorithmId of(String algorithm) {
        return new AlgorithmId(algorithm, null);
    }
}
