package dev.vellum.app.store;

import java.time.Instant;

/** One entry of the append-only event log, chained to its predecessor by {@code prevHash}. */
public record ArchiveEvent(long seq, Instant occurredAt, EventType type, Long itemId, String detail,
                           String prevHash, String entryHash) {
}
