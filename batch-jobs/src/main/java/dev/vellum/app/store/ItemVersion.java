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
    /**
     * The original with an evidence record embedded in its first signature (ETSI TS 119 122-3), made by
     * the same time-stamp as the item's first archive-level record: an .eml stays an .eml (signed part
     * byte-identical), a .p7m/.p7s a CMS. A snapshot: renewal renews the archive-level record only.
     */
    public static final String CADES_EMBEDDED_ER = "CADES_EMBEDDED_ER";
}
