package dev.vellum.policy.model;

/**
 * RFC 3125 SignPolExtn: an extension identifier and its value, kept as bytes whether or not we
 * understand it. RFC 3125 gives extensions no criticality flag; see
 * {@link dev.vellum.policy.PolicyRules} for how Vellum decides.
 */
public record SignPolExtension(String extnID, Bytes extnValue) {
    public SignPolExtension {
        Fields.required(extnID, "SignPolExtn.extnID");
        Fields.required(extnValue, "SignPolExtn.extnValue");
    }
}
