package dev.vellum.policy.model;

import java.util.List;

/** RFC 3125 §3.8.2 VerifierRules: unsigned attributes the verifier must add (e.g. a time-stamp). */
public record VerifierRules(List<String> mandatedUnsignedAttr, List<SignPolExtension> signPolExtensions) {
    public VerifierRules {
        mandatedUnsignedAttr = Fields.requiredList(mandatedUnsignedAttr, "VerifierRules.mandatedUnsignedAttr");
        signPolExtensions = Fields.optionalList(signPolExtensions);
    }
}
