package dev.vellum.app.upgrade;

import dev.vellum.app.store.Item;

/** An item extended to LTA, not yet stored: the new bytes and the level read back from them. */
public record LtaCandidate(Item item, byte[] bytes, String level) {
}
