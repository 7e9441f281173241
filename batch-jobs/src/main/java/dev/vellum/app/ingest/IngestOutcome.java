package dev.vellum.app.ingest;

import dev.vellum.app.store.ContentHash;
import dev.vellum.app.store.NewItem;

/** What the ingest processor concluded about one input; the writer records it. */
public sealed interface IngestOutcome {
    String source();

    /** A readable message whose bytes (and detached content) are already in the blob store. */
    record Archived(String source, NewItem item) implements IngestOutcome {
    }

    /** Bytes that are not a message; kept as a blob when below the size limit, with the reason. */
    record Quarantined(String source, ContentHash blob, long size, String reason) implements IngestOutcome {
    }
}
