package dev.vellum.policy.model;

import java.util.List;

/** RFC 3125 §3.2 SignatureValidationPolicy. {@code signPolExtensions} is null when absent. */
public record SignatureValidationPolicy(SigningPeriod signingPeriod, CommonRules commonRules,
        List<CommitmentRule> commitmentRules, List<SignPolExtension> signPolExtensions) {
    public SignatureValidationPolicy {
        Fields.required(signingPeriod, "SignatureValidationPolicy.signingPeriod");
        Fields.required(commonRules, "SignatureValidationPolicy.commonRules");
        commitmentRules = Fields.requiredList(commitmentRules, "SignatureValidationPolicy.commitmentRules");
        signPolExtensions = Fields.optionalList(signPolExtensions);
    }
}
