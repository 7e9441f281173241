package dev.vellum.policy.model;

import java.time.Instant;
import java.util.List;

/** RFC 3125 §3.1 SignPolicyInfo. {@code signPolExtensions} is null when absent. */
public record SignPolicyInfo(String signPolicyIdentifier, Instant dateOfIssue, List<IssuerName> policyIssuerName,
        DirectoryText fieldOfApplication, SignatureValidationPolicy signatureValidationPolicy,
        List<SignPolExtension> signPolExtensions) {
    public SignPolicyInfo {
        Fields.required(signPolicyIdentifier, "SignPolicyInfo.signPolicyIdentifier");
        Fields.required(dateOfIssue, "SignPolicyInfo.dateOfIssue");
        policyIssuerName = Fields.requiredList(policyIssuerName, "SignPolicyInfo.policyIssuerName");
        Fields.required(fieldOfApplication, "SignPolicyInfo.fieldOfApplication");
        Fields.required(signatureValidationPolicy, "SignPolicyInfo.signatureValidationPolicy");
        signPolExtensions = Fields.optionalList(signPolExtensions);
    }
}
