package dev.vellum.app.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The JDBC index of the archive: items, their versions and sources, quarantine and validation runs. */
public final class ArchiveIndex {
    private static final String ITEM_COLUMNS = "id, original_sha256, content_sha256, container, size_bytes, message_id, "
            + "from_address, subject, sent_at, signer_count, note, ingested_at, latest_version, indication, "
            + "sub_indication, evidence_until";

    private final JdbcClient jdbc;

    public ArchiveIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first item whose original bytes are these (a detached signature may head several items). */
    public Optional<Item> findByOriginal(ContentHash original) {
        return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM archive_item WHERE original_sha256 = ? ORDER BY id "
                        + "FETCH FIRST 1 ROWS ONLY")
                .param(original.hex()).query(ArchiveIndex::item).optional();
    }

    /** The item with this identity ({@link NewItem#identity()}). */
    public Optional<Item> findByIdentity(ContentHash identity) {
        return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM archive_item WHERE identity_sha256 = ?")
                .param(identity.hex()).query(ArchiveIndex::item).optional();
    }

    public Optional<Item> find(long id) {
        return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM archive_item WHERE id = ?")
                .param(id).query(ArchiveIndex::item).optional();
    }

    /** Indexes a new item with its version 0 (the original bytes, already in the blob store). */
    public long insert(NewItem item, Instant at, Long jobExecutionId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO archive_item (identity_sha256, original_sha256, content_sha256, container, size_bytes, "
                        + "message_id, from_address, subject, sent_at, signer_count, note, ingested_at, latest_version) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(item.identity().hex(), item.original().hex(), hex(item.detachedContent()), item.format().name(), item.sizeBytes(),
                        clip(item.messageId(), 1000), clip(item.from(), 1000), clip(item.subject(), 1000),
                        time(item.sentAt()), item.signerCount(), clip(item.note(), 2000), time(at))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("INSERT INTO item_version (item_id, version, blob_sha256, kind, level, created_at, job_execution_id) "
                        + "VALUES (?, 0, ?, ?, NULL, ?, ?)")
                .params(id, item.original().hex(), ItemVersion.ORIGINAL, time(at), jobExecutionId)
                .update();
        return id;
    }

    /** Records where an item was seen; false when this source was already known. */
    public boolean addSource(long itemId, String source, Instant at) {
        String clipped = clip(source, 2000);
        boolean known = jdbc.sql("SELECT COUNT(*) FROM item_source WHERE item_id = ? AND source = ?")
                .params(itemId, clipped).query(Long.class).single() > 0;
        if (known) {
            return false;
        }
        jdbc.sql("INSERT INTO item_source (item_id, source, seen_at) VALUES (?, ?, ?)")
                .params(itemId, clipped, time(at)).update();
        return true;
    }

    public List<String> sources(long itemId) {
        return jdbc.sql("SELECT source FROM item_source WHERE item_id = ? ORDER BY seen_at, source")
                .param(itemId).query(String.class).list();
    }

    /** Adds the next version of an item; the caller holds the event-log lock, so numbering cannot race. */
    public int addVersion(long itemId, ContentHash blob, String kind, String level, Instant at, Long jobExecutionId) {
        int next = jdbc.sql("SELECT latest_version FROM archive_item WHERE id = ?").param(itemId)
                .query(Integer.class).single() + 1;
        jdbc.sql("INSERT INTO item_version (item_id, version, blob_sha256, kind, level, created_at, job_execution_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(itemId, next, blob.hex(), kind, level, time(at), jobExecutionId).update();
        jdbc.sql("UPDATE archive_item SET latest_version = ? WHERE id = ?").params(next, itemId).update();
        return next;
    }

    public List<ItemVersion> versions(long itemId) {
        return jdbc.sql("SELECT item_id, version, blob_sha256, kind, level, created_at, job_execution_id "
                        + "FROM item_version WHERE item_id = ? ORDER BY version")
                .param(itemId)
                .query((rs, n) -> new ItemVersion(rs.getLong(1), rs.getInt(2), new ContentHash(rs.getString(3)),
                        rs.getString(4), rs.getString(5), instant(rs, 6), longOrNull(rs, 7)))
                .list();
    }

    /** The newest version of this kind, if any. */
    public Optional<ItemVersion> latestVersion(long itemId, String kind) {
        return versions(itemId).stream().filter(v -> v.kind().equals(kind)).reduce((a, b) -> b);
    }

    /** Items whose evidence stops protecting them before {@code until}, in id order, for one partition. */
    public List<Item> itemsDueInPartition(java.time.Instant until, long afterId, int partition, int partitions, int limit) {
        return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM archive_item WHERE evidence_until IS NOT NULL AND evidence_until <= ? "
                        + "AND id > ? AND MOD(id, ?) = ? ORDER BY id FETCH FIRST ? ROWS ONLY")
                .params(time(until), afterId, partitions, partition, limit)
                .query(ArchiveIndex::item).list();
    }

    public void setEvidenceUntil(long itemId, Instant until) {
        jdbc.sql("UPDATE archive_item SET evidence_until = ? WHERE id = ?").params(time(until), itemId).update();
    }

    /** Whether this input was already quarantined at this stage with the same bytes. */
    public boolean isQuarantined(String stage, String source, ContentHash blob) {
        String sql = "SELECT COUNT(*) FROM quarantine WHERE stage = ? AND source = ? AND "
                + (blob == null ? "blob_sha256 IS NULL" : "blob_sha256 = ?");
        var spec = jdbc.sql(sql).param(stage).param(clip(source, 2000));
        if (blob != null) {
            spec = spec.param(blob.hex());
        }
        return spec.query(Long.class).single() > 0;
    }

    public long quarantine(String stage, String source, ContentHash blob, Long sizeBytes, Long itemId, String reason,
                           Instant at, Long jobExecutionId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO quarantine (stage, source, blob_sha256, size_bytes, item_id, reason, quarantined_at, "
                        + "job_execution_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(stage, clip(source, 2000), hex(blob), sizeBytes, itemId, clip(reason, 4000), time(at),
                        jobExecutionId)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public List<QuarantineEntry> quarantined() {
        return jdbc.sql("SELECT id, stage, source, blob_sha256, size_bytes, item_id, reason, quarantined_at, "
                        + "job_execution_id FROM quarantine ORDER BY id")
                .query((rs, n) -> new QuarantineEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                        hashOrNull(rs.getString(4)), longOrNull(rs, 5), longOrNull(rs, 6), rs.getString(7),
                        instant(rs, 8), longOrNull(rs, 9)))
                .list();
    }

    /** Items in id order, optionally only those whose latest verdict has this indication. */
    public List<Item> items(String indication, int offset, int limit) {
        String where = indication == null ? "" : "WHERE indication = ? ";
        var spec = jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM archive_item " + where + "ORDER BY id OFFSET ? ROWS "
                + "FETCH FIRST ? ROWS ONLY");
        if (indication != null) {
            spec = spec.param(indication);
        }
        return spec.param(offset).param(limit).query(ArchiveIndex::item).list();
    }

    /** Items whose id is above {@code afterId} and in partition {@code partition} of {@code partitions}. */
    public List<Item> itemsInPartition(long afterId, int partition, int partitions, int limit) {
        return itemsInPartition(afterId, partition, partitions, limit, false);
    }

    /** As above; {@code onlyNotValidated} keeps the items that have no validation run yet. */
    public List<Item> itemsInPartition(long afterId, int partition, int partitions, int limit, boolean onlyNotValidated) {
        return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM archive_item WHERE id > ? AND MOD(id, ?) = ? "
                        + (onlyNotValidated ? "AND indication IS NULL " : "")
                        + "ORDER BY id FETCH FIRST ? ROWS ONLY")
                .params(afterId, partitions, partition, limit)
                .query(ArchiveIndex::item).list();
    }

    public long itemCount() {
        return jdbc.sql("SELECT COUNT(*) FROM archive_item").query(Long.class).single();
    }

    public long quarantineCount() {
        return jdbc.sql("SELECT COUNT(*) FROM quarantine").query(Long.class).single();
    }

    /** Item counts by latest indication ("NOT_VALIDATED" where there is none yet). */
    public Map<String, Long> countByIndication() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT COALESCE(indication, 'NOT_VALIDATED'), COUNT(*) FROM archive_item "
                        + "GROUP BY COALESCE(indication, 'NOT_VALIDATED') ORDER BY 1")
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    /** Stores one validation run and makes its verdict the item's current one. */
    public long recordValidation(long itemId, int version, Instant validatedAt, Instant validationTime,
                                 String indication, String subIndication, String level, ContentHash report,
                                 Long jobExecutionId) {
        Optional<ValidationRun> previous = latestValidation(itemId);
        boolean changed = previous.isPresent()
                && !(previous.get().indication().equals(indication)
                && java.util.Objects.equals(previous.get().subIndication(), subIndication));
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO validation_run (item_id, version, validated_at, validation_time, indication, "
                        + "sub_indication, level, report_sha256, previous_indication, previous_sub_indication, changed, "
                        + "job_execution_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(itemId, version, time(validatedAt), time(validationTime), indication, subIndication, level,
                        hex(report), previous.map(ValidationRun::indication).orElse(null),
                        previous.map(ValidationRun::subIndication).orElse(null), changed, jobExecutionId)
                .update(keys, "id");
        jdbc.sql("UPDATE archive_item SET indication = ?, sub_indication = ? WHERE id = ?")
                .params(indication, subIndication, itemId).update();
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<ValidationRun> latestValidation(long itemId) {
        return jdbc.sql(VALIDATION_SELECT + " WHERE item_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param(itemId).query(ArchiveIndex::validationRun).optional();
    }

    public List<ValidationRun> validationRuns(long itemId) {
        return jdbc.sql(VALIDATION_SELECT + " WHERE item_id = ? ORDER BY id").param(itemId)
                .query(ArchiveIndex::validationRun).list();
    }

    /** Every blob the index refers to (originals, detached contents, versions, quarantine, reports). */
    public void forEachReferencedBlob(Consumer<ReferencedBlob> consumer) {
        String sql = "SELECT blob_sha256, 'item ' || CAST(item_id AS VARCHAR(20)) || ' version ' || CAST(version AS VARCHAR(10)) FROM item_version "
                + "UNION ALL SELECT content_sha256, 'item ' || CAST(id AS VARCHAR(20)) || ' detached content' FROM archive_item WHERE content_sha256 IS NOT NULL "
                + "UNION ALL SELECT blob_sha256, 'quarantine entry ' || CAST(id AS VARCHAR(20)) FROM quarantine WHERE blob_sha256 IS NOT NULL "
                + "UNION ALL SELECT report_sha256, 'validation run ' || CAST(id AS VARCHAR(20)) FROM validation_run WHERE report_sha256 IS NOT NULL";
        jdbc.sql(sql).query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                consumer.accept(new ReferencedBlob(new ContentHash(rs.getString(1).trim()), rs.getString(2))));
    }

    /** A blob and the index row that needs it, for messages that tell the operator what is affected. */
    public record ReferencedBlob(ContentHash hash, String usedBy) {
    }

    private static final String VALIDATION_SELECT = "SELECT id, item_id, version, validated_at, validation_time, "
            + "indication, sub_indication, level, report_sha256, previous_indication, previous_sub_indication, "
            + "changed, job_execution_id FROM validation_run";

    private static ValidationRun validationRun(ResultSet rs, int n) throws SQLException {
        return new ValidationRun(rs.getLong(1), rs.getLong(2), rs.getInt(3), instant(rs, 4), instant(rs, 5),
                rs.getString(6), rs.getString(7), rs.getString(8), hashOrNull(rs.getString(9)), rs.getString(10),
                rs.getString(11), rs.getBoolean(12), longOrNull(rs, 13));
    }

    private static Item item(ResultSet rs, int n) throws SQLException {
        return new Item(rs.getLong(1), new ContentHash(rs.getString(2)), hashOrNull(rs.getString(3)),
                ItemFormat.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6), rs.getString(7),
                rs.getString(8), instant(rs, 9), rs.getInt(10), rs.getString(11), instant(rs, 12), rs.getInt(13),
                rs.getString(14), rs.getString(15), instant(rs, 16));
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static ContentHash hashOrNull(String hex) {
        return hex == null ? null : new ContentHash(hex.trim());
    }

    private static String hex(ContentHash hash) {
        return hash == null ? null : hash.hex();
    }

    private static String clip(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max - 3) + "...";
    }
}
