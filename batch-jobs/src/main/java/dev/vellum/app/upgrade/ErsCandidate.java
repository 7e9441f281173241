package dev.vellum.app.upgrade;

import java.util.List;

import dev.vellum.app.store.Item;

/** An item to be covered by an evidence record, with the SHA-256 of each of its data objects. */
public record ErsCandidate(Item item, List<byte[]> digests) {
    public ErsCandidate {
        digests = List.copyOf(digests);
    }
}
