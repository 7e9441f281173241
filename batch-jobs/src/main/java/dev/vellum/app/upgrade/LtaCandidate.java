package dev.vellum.app.upgrade;

import java.time.Instant;

import dev.vellum.app.store.Item;

/**
 * An item extended to LTA, not yet stored: the new bytes, the level read back from them, and until
 * when its archive time-stamps protect it.
 */
public record LtaCandidate(Item item, byte[] bytes, String level, Instant protectsUntil) {
}
