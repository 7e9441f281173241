package dev.vellum.app.upgrade;

import java.util.List;
import java.util.Optional;

import dev.vellum.app.store.Item;

/**
 * An item to be covered by an evidence record, with the SHA-256 of each of its data objects; with
 * {@code vellum.upgrade.ers.embed}, also the record to embed in its signature, or why none is.
 *
 * @param embedding  the embedded record's plan, when one is made
 * @param notEmbedded why no record is embedded although embedding is on, else null
 */
public record ErsCandidate(Item item, List<byte[]> digests, Optional<ErsEmbedding> embedding, String notEmbedded) {
    public ErsCandidate {
        digests = List.copyOf(digests);
    }

    public ErsCandidate(Item item, List<byte[]> digests) {
        this(item, digests, Optional.empty(), null);
    }
}
