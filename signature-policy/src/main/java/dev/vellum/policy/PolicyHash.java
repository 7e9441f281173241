package dev.vellum.policy;

import dev.vellum.policy.model.Bytes;

/**
 * A policy hash as it appears in a signature's sigPolicyHash (OtherHashAlgAndValue): the digest
 * algorithm OID and the value.
 */
public record PolicyHash(String algorithmOid, Bytes value) {
    public PolicyHash {
        if (algorithmOid == null || value == null) {
            throw new PolicyException("a policy hash needs both an algorithm and a value");
        }
    }

    public static PolicyHash of(HashAlgorithm algorithm, Bytes value) {
        return new PolicyHash(algorithm.oid(), value);
    }

    /**
     * EN 319 122-1 §5.2.9.1 NOTE: a hash value of any length (including zero) whose octets are all
     * zero means "policy hash unknown"; validators accept it without comparing.
     */
    public boolean isZeroHash() {
        return value.isAllZero();
    }

    /** The zero hash a creator should use for "unknown": all zeros, the algorithm's digest length. */
    public static PolicyHash unknown(HashAlgorithm algorithm) {
        return new PolicyHash(algorithm.oid(), Bytes.of(new byte[algorithm.digestLength()]));
    }

    public HashAlgorithm algorithm() {
        return HashAlgorithm.fromOid(algorithmOid);
    }

    @Override
    public String toString() {
        return algorithmOid + ":" + value.hex();
    }
}
