package dev.vellum.app.store;

import java.time.Instant;

/** One archived item as indexed. Header fields are null when the item has none (e.g. a .p7m). */
public record Item(long id, ContentHash original, ContentHash detachedContent, ItemFormat format, long sizeBytes,
                   String messageId, String from, String subject, Instant sentAt, int signerCount, String note,
                   Instant ingestedAt, int latestVersion, String indication, String subIndication,
                   Instant evidenceUntil) {
}
