package dev.vellum.app.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.vellum.app.store.Item;
import dev.vellum.app.store.QuarantineEntry;

/**
 * The archive-wide report: counts by latest indication, items needing attention first (failed,
 * indeterminate, never validated), everything quarantined with its reason, and renewal due dates.
 */
public record BatchReport(int schemaVersion, Instant generatedAt, long items, Map<String, Long> byIndication,
                          List<Item> needingAttention, List<QuarantineEntry> quarantined, List<RenewalDue> renewals,
                          List<String> unavailable) {

    /** When an item's newest evidence stops protecting it. */
    public record RenewalDue(long itemId, Instant evidenceUntil) {
    }
}
