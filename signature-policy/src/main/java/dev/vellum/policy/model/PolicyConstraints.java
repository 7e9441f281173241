package dev.vellum.policy.model;

/** RFC 3125 §3.9.3 PolicyConstraints (SkipCerts values; null = absent). */
public record PolicyConstraints(Integer requireExplicitPolicy, Integer inhibitPolicyMapping) {
    public PolicyConstraints {
        Fields.nonNegative(requireExplicitPolicy, "PolicyConstraints.requireExplicitPolicy");
        Fields.nonNegative(inhibitPolicyMapping, "PolicyConstraints.inhibitPolicyMapping");
    }
}
