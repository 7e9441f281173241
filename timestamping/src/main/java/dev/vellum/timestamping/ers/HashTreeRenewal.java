package dev.vellum.timestamping.ers;

import java.util.List;
import java.util.Objects;

/** One item for a hash-tree renewal: its record and its data objects (hashed anew under the new algorithm). */
public record HashTreeRenewal(EvidenceRecord record, List<DataObject> data) {
    public HashTreeRenewal {
        Objects.requireNonNull(record, "record");
        data = List.copyOf(data);
        if (data.isEmpty()) {
            throw new IllegalArgumentException("a hash-tree renewal needs the item's data objects");
        }
    }
}
