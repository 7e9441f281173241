package dev.vellum.formats.attribute;

import java.util.List;
import java.util.Optional;

/**
 * The signature-policy-identifier attribute (EN 319 122-1 §5.2.9.1).
 *
 * @param policyOid the policy OID, empty when the policy is implied (which baseline forbids)
 * @param hashAlgorithmOid the sigPolicyHash algorithm
 * @param hash the sigPolicyHash value (all zero bytes mean "unknown", STANDARDS.md §8.7)
 * @param uri the SPuri qualifier
 * @param userNotice the explicit text of an SPUserNotice qualifier
 * @param docSpecification the sp-doc-specification qualifier (an OID or a URI)
 * @param qualifierOids the OIDs of all qualifiers, in order, known or not
 */
public record SignaturePolicyId(Optional<String> policyOid, Optional<String> hashAlgorithmOid, byte[] hash,
                                Optional<String> uri, Optional<String> userNotice, Optional<String> docSpecification,
                                List<String> qualifierOids) {

    public SignaturePolicyId {
        hash = hash.clone();
        qualifierOids = List.copyOf(qualifierOids);
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    public boolean implied() {
        return policyOid.isEmpty();
    }

    /** A hash of only zero bytes, of any length, means the signer did not know it. */
    public boolean zeroHash() {
        for (byte b : hash) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
