package dev.vellum.policy.model;

import java.util.List;

/**
 * RFC 3125 §3.4 CommonRules — and the same six tagged fields a CommitmentRule carries. Every
 * field is optional (null = absent).
 */
public record CommonRules(SignerAndVerifierRules signerAndVeriferRules,
        SigningCertTrustCondition signingCertTrustCondition, TimestampTrustCondition timeStampTrustCondition,
        AttributeTrustCondition attributeTrustCondition, AlgorithmConstraintSet algorithmConstraintSet,
        List<SignPolExtension> signPolExtensions) {
    public static final CommonRules NONE = new CommonRules(null, null, null, null, null, null);

    public CommonRules {
        signPolExtensions = Fields.optionalList(signPolExtensions);
    }
}
