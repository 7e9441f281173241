package dev.vellum.policy;

import dev.vellum.policy.der.PolicyDerDecoder;
import dev.vellum.policy.der.PolicyDerEncoder;
import dev.vellum.policy.model.SignaturePolicy;

/**
 * RFC 3125 signature policies to and from DER. {@link #decode} checks the embedded signPolicyHash;
 * DER → model → DER is byte-identical for every field of the ASN.1 module.
 */
public final class PolicyCodec {
    private PolicyCodec() {
    }

    /** Decodes a policy and checks its embedded signPolicyHash (if present). */
    public static SignaturePolicy decode(byte[] der) {
        SignaturePolicy policy = PolicyDerDecoder.decode(der);
        PolicyHasher.checkEmbeddedHash(policy, der);
        return policy;
    }

    /** Decodes without checking the embedded hash, e.g. to show a damaged policy to a user. */
    public static SignaturePolicy decodeWithoutHashCheck(byte[] der) {
        return PolicyDerDecoder.decode(der);
    }

    public static byte[] encode(SignaturePolicy policy) {
        return PolicyDerEncoder.encode(policy);
    }
}
