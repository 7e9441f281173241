package dev.vellum.policy.model;

import java.util.List;

/** RFC 3125 §3.5 CommitmentRule: the commitment types it selects, and its rules (fields as in CommonRules). */
public record CommitmentRule(List<SelectedCommitmentType> selCommitmentTypes, CommonRules rules) {
    public CommitmentRule {
        selCommitmentTypes = Fields.requiredList(selCommitmentTypes, "CommitmentRule.selCommitmentTypes");
        Fields.required(rules, "CommitmentRule rules");
    }
}
