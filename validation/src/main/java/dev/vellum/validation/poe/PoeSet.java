package dev.vellum.validation.poe;

import dev.vellum.validation.report.PoeReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The proofs of existence gathered while validating one signature (EN 319 102-1 §5.6.2.3): for each
 * object id, the earliest time it is proven to have existed. Belongs to one validation; not shared.
 */
public final class PoeSet {

    /** Object id prefix for a signature value (the id is then the signature's id). */
    public static final String SIGNATURE = "signature:";
    private final Map<String, PoeReport> earliest = new LinkedHashMap<>();

    /** Records that {@code objectId} existed at {@code time}; keeps the earliest proof. */
    public void add(String objectId, Instant time, String type, String provenBy) {
        PoeReport known = earliest.get(objectId);
        if (known == null || time.isBefore(known.time())) {
            earliest.put(objectId, new PoeReport(objectId, time, type, provenBy));
        }
    }

    /** The earliest proven time of existence of the object, if any. */
    public Optional<Instant> earliest(String objectId) {
        return Optional.ofNullable(earliest.get(objectId)).map(PoeReport::time);
    }

    /** Whether the object is proven to exist strictly before {@code time}. */
    public boolean provenBefore(String objectId, Instant time) {
        return earliest(objectId).map(t -> t.isBefore(time)).orElse(false);
    }

    public List<PoeReport> all() {
        return new ArrayList<>(earliest.values());
    }
}
