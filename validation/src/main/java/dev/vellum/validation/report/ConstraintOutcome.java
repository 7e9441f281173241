package dev.vellum.validation.report;

import dev.vellum.validation.SubIndication;
import java.util.Objects;

/**
 * One checked constraint with its outcome, for the "validation constraints evaluation" part of a
 * report (TS 119 102-2 ValidationConstraintsEvaluationReport).
 *
 * @param id stable identifier, e.g. {@code crypto.signature} or {@code policy.mandated-attribute}
 * @param clause the standard's clause, e.g. {@code EN 319 102-1 §5.2.7}
 * @param description what was checked, for people
 * @param outcome PASSED, FAILED, ...
 * @param detail what was found (e.g. the algorithm and its sunset), may be empty
 * @param subIndication the sub-indication a failure gives, or null
 */
public record ConstraintOutcome(String id, String clause, String description, Outcome outcome, String detail,
                                SubIndication subIndication) {

    public ConstraintOutcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
        clause = clause == null ? "" : clause;
        description = description == null ? "" : description;
        detail = detail == null ? "" : detail;
    }

    public static ConstraintOutcome passed(String id, String clause, String description, String detail) {
        return new ConstraintOutcome(id, clause, description, Outcome.PASSED, detail, null);
    }

    public static ConstraintOutcome failed(String id, String clause, String description, String detail,
                                           SubIndication subIndication) {
        return new ConstraintOutcome(id, clause, description, Outcome.FAILED, detail, subIndication);
    }

    public static ConstraintOutcome warning(String id, String clause, String description, String detail) {
        return new ConstraintOutcome(id, clause, description, Outcome.WARNING, detail, null);
    }
}
