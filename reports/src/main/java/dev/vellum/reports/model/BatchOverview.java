package dev.vellum.reports.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a batch report covers: every item with its latest verdict, everything quarantined, when the
 * report was made. Counts and orderings are derived here so that every writer agrees.
 *
 * @param title the heading (e.g. "Vellum archive /srv/vellum")
 * @param generatedAt when the report was made (the application clock)
 * @param items one entry per item
 * @param quarantined inputs that were refused, with reasons
 */
public record BatchOverview(String title, Instant generatedAt, List<Entry> items, List<Quarantined> quarantined) {

    /** Verdict order of attention: failed first, then indeterminate, never validated, passed. */
    private static final List<String> ATTENTION = List.of("TOTAL_FAILED", "INDETERMINATE", "NOT_VALIDATED", "TOTAL_PASSED");

    public BatchOverview {
        Objects.requireNonNull(generatedAt, "generatedAt");
        items = List.copyOf(items);
        quarantined = List.copyOf(quarantined);
    }

    /**
     * One item's latest state.
     *
     * @param id the archive's item id (or a file name)
     * @param subject, from, sentAt from the mail headers, may be null
     * @param indication latest main indication, or null when never validated
     * @param subIndication latest sub-indication, or null
     * @param level signature level, or null
     * @param evidenceUntil when its newest evidence stops protecting it, or null
     * @param lastValidated when it was last validated, or null
     */
    public record Entry(String id, String subject, String from, Instant sentAt, String indication,
                        String subIndication, String level, Instant evidenceUntil, Instant lastValidated) {

        /** The indication, or NOT_VALIDATED. */
        public String verdict() {
            return indication == null ? "NOT_VALIDATED" : indication;
        }

        public boolean needsAttention() {
            return !"TOTAL_PASSED".equals(verdict());
        }
    }

    /** An input refused at ingest (or later) with the reason. */
    public record Quarantined(String source, String stage, String reason, Instant at) {
    }

    /** Items per main indication, in attention order, including zero counts of the three verdicts. */
    public Map<String, Long> countsByIndication() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String v : ATTENTION) {
            counts.put(v, 0L);
        }
        items.forEach(i -> counts.merge(i.verdict(), 1L, Long::sum));
        if (counts.get("NOT_VALIDATED") == 0) {
            counts.remove("NOT_VALIDATED");
        }
        return counts;
    }

    /** Items per "INDICATION/SUB_INDICATION" (or just the indication when there is none), largest first. */
    public Map<String, Long> countsBySubIndication() {
        Map<String, Long> counts = new LinkedHashMap<>();
        items.stream().map(i -> i.subIndication() == null ? i.verdict() : i.verdict() + "/" + i.subIndication())
                .forEach(k -> counts.merge(k, 1L, Long::sum));
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Every item that is not TOTAL_PASSED, the most serious first, then by id. */
    public List<Entry> needingAttention() {
        return items.stream().filter(Entry::needsAttention)
                .sorted(Comparator.comparingInt((Entry e) -> ATTENTION.indexOf(e.verdict()))
                        .thenComparing(Entry::id, BatchOverview::compareIds))
                .toList();
    }

    /** Items with a known evidence end, the soonest first. */
    public List<Entry> renewals() {
        return items.stream().filter(i -> i.evidenceUntil() != null)
                .sorted(Comparator.comparing(Entry::evidenceUntil).thenComparing(Entry::id, BatchOverview::compareIds))
                .toList();
    }

    /** Numeric ids in numeric order, others as text. */
    static int compareIds(String a, String b) {
        if (a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit)
                && !a.isEmpty() && !b.isEmpty() && a.length() < 19 && b.length() < 19) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return a.compareTo(b);
    }
}
