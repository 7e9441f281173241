package dev.vellum.app.renew;

import dev.vellum.app.store.Item;
import dev.vellum.app.store.ItemVersion;
import dev.vellum.timestamping.ers.EvidenceRecord;

/** An item whose newest evidence record is due for renewal, with that record and its version. */
public record RenewalCandidate(Item item, ItemVersion version, EvidenceRecord record) {
}
