package dev.vellum.policy.model;

/**
 * RFC 3125 §3 SignaturePolicy: the hash algorithm, the policy information and, optionally, the
 * policy's own hash over {@code DER(signPolicyHashAlg) ‖ DER(signPolicyInfo)} (null when absent).
 */
public record SignaturePolicy(AlgorithmId signPolicyHashAlg, SignPolicyInfo signPolicyInfo, Bytes signPolicyHash) {
    public SignaturePolicy {
        Fields.required(signPolicyHashAlg, "SignaturePolicy.signPolicyHashAlg");
        Fields.required(signPolicyInfo, "SignaturePolicy.signPolicyInfo");
    }

    /** The policy OID (signPolicyIdentifier). */
    public String oid() {
        return signPolicyInfo.signPolicyIdentifier();
    }

    public SignaturePolicy withSignPolicyHash(Bytes hash) {
        return new SignaturePolicy(signPolicyHashAlg, signPolicyInfo, hash);
    }
}
