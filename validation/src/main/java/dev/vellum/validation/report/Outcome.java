package dev.vellum.validation.report;

/** How one constraint came out (DSS-like severity model, mapped to TS 119 102-2 on output). */
public enum Outcome {
    PASSED,
    FAILED,
    /** Not met, but the validation policy only warns about it. */
    WARNING,
    /** Informational: recorded, not judged. */
    INFORMATION,
    /** Did not apply to this signature (e.g. no timestamp to check). */
    NOT_APPLICABLE
}
