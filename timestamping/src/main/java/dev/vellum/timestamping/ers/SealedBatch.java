package dev.vellum.timestamping.ers;

import java.util.List;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The outcome of {@link EvidenceBatch#seal}: one evidence record per item, in the order the items
 * were added, all resting on the one time-stamp over the batch's hash-tree root.
 */
public record SealedBatch(List<EvidenceRecord> records, TimeStampToken timeStamp, byte[] root) {
    public SealedBatch {
        records = List.copyOf(records);
        root = root.clone();
    }

    /** The record of the item {@link EvidenceBatch#add} numbered {@code item}. */
    public EvidenceRecord record(int item) {
        return records.get(item);
    }

    @Override
    public byte[] root() {
        return root.clone();
    }
}
