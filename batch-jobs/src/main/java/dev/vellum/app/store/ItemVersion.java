package dev.vellum.app.store;

import java.time.Instant;

/** One stored state of an item: version 0 is the original bytes; upgrades add versions. */
public record ItemVersion(long itemId, int version, ContentHash blob, String kind, String level, Instant createdAt,
                          Long jobExecutionId) {
    public static final String ORIGINAL = "ORIGINAL";
}
