package dev.vellum.app.store;

import java.time.Instant;

/** One stored state of an item: version 0 is the original bytes; upgrades add versions. */
public record ItemVersion(long itemId, int version, ContentHash blob, String kind, String level, Instant createdAt,
                          Long jobExecutionId) {
    public static final String ORIGINAL = "ORIGINAL";
    /** An RFC 4998 evidence record (DER) over the original (and its detached content). */
    public static final String EVIDENCE_RECORD = "EVIDENCE_RECORD";
    /** The item with its signatures extended (CAdES B-LTA): an .eml stays an .eml, a .p7m/.p7s a CMS. */
    public static final String CADES = "CADES";
}
