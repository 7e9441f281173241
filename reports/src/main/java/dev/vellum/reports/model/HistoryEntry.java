package dev.vellum.reports.model;

import java.time.Instant;

/**
 * One validation of an archived item, as the archive recorded it.
 *
 * @param validatedAt when the run happened
 * @param validationTime the "as of" time of the run (EN 319 102-1 validation time)
 * @param indication TOTAL_PASSED, TOTAL_FAILED or INDETERMINATE
 * @param subIndication the sub-indication, or null
 * @param level the signature level seen, or null
 * @param changed whether the verdict differs from the run before
 */
public record HistoryEntry(Instant validatedAt, Instant validationTime, String indication, String subIndication,
                           String level, boolean changed) {
}
