package dev.vellum.app.store;

import java.time.Instant;

/** An input or item set aside with the reason; {@code blob} is null when the bytes were not kept. */
public record QuarantineEntry(long id, String stage, String source, ContentHash blob, Long sizeBytes, Long itemId,
                              String reason, Instant quarantinedAt, Long jobExecutionId) {
}
