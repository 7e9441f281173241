package dev.vellum.app.store;

import java.time.Instant;

/** What ingest learned about an item before indexing it. */
public record NewItem(ContentHash original, ContentHash detachedContent, ItemFormat format, long sizeBytes,
                      String messageId, String from, String subject, Instant sentAt, int signerCount, String note) {
}
