package dev.vellum.policy.model;

/** RFC 3125 §3.8 SignerAndVerifierRules. */
public record SignerAndVerifierRules(SignerRules signerRules, VerifierRules verifierRules) {
    public SignerAndVerifierRules {
        Fields.required(signerRules, "SignerAndVerifierRules.signerRules");
        Fields.required(verifierRules, "SignerAndVerifierRules.verifierRules");
    }
}
