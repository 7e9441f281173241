package dev.vellum.policy;

import dev.vellum.policy.der.PolicyDerDecoder;
import dev.vellum.policy.der.PolicyDerEncoder;
import dev.vellum.policy.der.TopLevelElements;
import dev.vellum.policy.model.Bytes;
import dev.vellum.policy.model.SignaturePolicy;

/**
 * The policy hash, with its quirks.
 *
 * <ul>
 *   <li>ASN.1 (RFC 3125) policy: {@code H(DER(signPolicyHashAlg) ‖ DER(signPolicyInfo))} — the
 *       SignaturePolicy contents without its outer tag and length and without signPolicyHash
 *       (RFC 3125 §5.1 / TR 102 272 §6.1; reproduced on ICP-Brasil PA_AD_RB_v2_1). This is both the
 *       embedded signPolicyHash and what a signature's sigPolicyHash carries. It is <em>not</em> the
 *       hash of the file.</li>
 *   <li>Any other document (PDF, text, XML without transforms): the hash of the whole file.</li>
 *   <li>A zero hash of any length means "unknown" (see {@link PolicyHash#isZeroHash()}).</li>
 * </ul>
 */
public final class PolicyHasher {
    private PolicyHasher() {
    }

    /**
     * The ASN.1 policy hash over the elements as they are stored in the file. When the file is not
     * DER (BER lengths, non-minimal encodings), the caller can also try {@link #asn1PolicyHash(SignaturePolicy, HashAlgorithm)},
     * which hashes the DER re-encoding.
     */
    public static Bytes asn1PolicyHash(byte[] policyFile, HashAlgorithm algorithm) {
        TopLevelElements elements = TopLevelElements.split(policyFile);
        return Bytes.of(algorithm.digest(elements.signPolicyHashAlg(), elements.signPolicyInfo()));
    }

    /** The ASN.1 policy hash over the DER encoding of the model. */
    public static Bytes asn1PolicyHash(SignaturePolicy policy, HashAlgorithm algorithm) {
        return Bytes.of(algorithm.digest(PolicyDerEncoder.algorithmId(policy.signPolicyHashAlg()),
                PolicyDerEncoder.signPolicyInfo(policy.signPolicyInfo())));
    }

    /** The hash of a whole non-ASN.1 policy document. */
    public static Bytes documentHash(byte[] document, HashAlgorithm algorithm) {
        return Bytes.of(algorithm.digest(document));
    }

    /** The policy with its signPolicyHash set to the correct value for its signPolicyHashAlg. */
    public static SignaturePolicy withComputedHash(SignaturePolicy policy) {
        HashAlgorithm algorithm = HashAlgorithm.fromOid(policy.signPolicyHashAlg().algorithm());
        return policy.withSignPolicyHash(asn1PolicyHash(policy, algorithm));
    }

    /**
     * The hash a signature should carry in sigPolicyHash for this policy file: computed with the
     * policy's own signPolicyHashAlg (DSS requires the two algorithms to agree).
     */
    public static PolicyHash sigPolicyHash(byte[] policyFile) {
        SignaturePolicy policy = PolicyDerDecoder.decode(policyFile);
        HashAlgorithm algorithm = HashAlgorithm.fromOid(policy.signPolicyHashAlg().algorithm());
        return PolicyHash.of(algorithm, asn1PolicyHash(policyFile, algorithm));
    }

    /**
     * Checks the embedded signPolicyHash of a decoded policy against the file it came from; absent
     * hash passes. A mismatch is a {@link PolicyException} naming both values.
     */
    public static void checkEmbeddedHash(SignaturePolicy policy, byte[] policyFile) {
        if (policy.signPolicyHash() == null) {
            return;
        }
        HashAlgorithm algorithm = HashAlgorithm.fromOid(policy.signPolicyHashAlg().algorithm());
        Bytes asStored = asn1PolicyHash(policyFile, algorithm);
        if (asStored.equals(policy.signPolicyHash())) {
            return;
        }
        // A BER-encoded file: the rule says DER, so also accept the hash of the DER re-encoding.
        Bytes reencoded = asn1PolicyHash(policy, algorithm);
        if (reencoded.equals(policy.signPolicyHash())) {
            return;
        }
        throw new PolicyException("signature policy " + policy.oid() + ": embedded signPolicyHash "
                + policy.signPolicyHash().hex() + " does not match " + algorithm.jcaName()
                + "(DER(signPolicyHashAlg) ‖ DER(signPolicyInfo)) = " + asStored.hex()
                + "; the policy was altered after it was hashed, or its issuer hashed something else");
    }
}
