package dev.vellum.app.renew;

import java.time.Instant;

import dev.vellum.app.store.Item;
import dev.vellum.app.store.ItemVersion;
import dev.vellum.timestamping.ers.EvidenceRecord;

/**
 * An item whose newest evidence is due for renewal: an evidence record (renewed in the writer, one
 * TSA call per chunk) or a CAdES version already re-extended with one more archive time-stamp, with
 * until when that protects it.
 */
public record RenewalCandidate(Item item, ItemVersion version, EvidenceRecord record, byte[] renewedCades,
                               String level, Instant protectsUntil) {
    public static RenewalCandidate ofRecord(Item item, ItemVersion version, EvidenceRecord record) {
        return new RenewalCandidate(item, version, record, null, null, null);
    }

    public static RenewalCandidate ofCades(Item item, ItemVersion version, byte[] renewed, String level,
                                           Instant protectsUntil) {
        return new RenewalCandidate(item, version, null, renewed, level, protectsUntil);
    }

    public boolean isRecord() {
        return record != null;
    }
}
