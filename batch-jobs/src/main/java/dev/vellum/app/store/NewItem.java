package dev.vellum.app.store;

import java.time.Instant;

/** What ingest learned about an item before indexing it. */
public record NewItem(ContentHash original, ContentHash detachedContent, ItemFormat format, long sizeBytes,
                      String messageId, String from, String subject, Instant sentAt, int signerCount, String note) {

    /**
     * What makes two inputs the same item: the original's hash, and for a detached signature the
     * hash over both hashes (the same signature over other content is another item).
     */
    public ContentHash identity() {
        return detachedContent == null ? original
                : ContentHash.of((original.hex() + ":" + detachedContent.hex()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
