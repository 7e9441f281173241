package dev.vellum.validation.report;

import java.util.List;

/**
 * What the validation found about the signature policy the signature names (EN 319 122-1 §5.2.9).
 *
 * @param oid the policy identifier
 * @param available whether the policy document was found (registry or signature-policy-store)
 * @param hashMatches whether its hash matched the signature's sigPolicyHash (null when not checked)
 * @param rules each RFC 3125 rule evaluated, by name, with its outcome
 */
public record SignaturePolicyReport(String oid, boolean available, Boolean hashMatches,
                                    List<ConstraintOutcome> rules) {

    public SignaturePolicyReport {
        rules = List.copyOf(rules);
    }
}
