package dev.vellum.app.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only event log. Each entry's hash covers its own fields and its predecessor's hash,
 * so changing, deleting or re-ordering any entry breaks every later link and {@link #verify()}
 * names the first broken one.
 *
 * <p>Appends lock the single head row ({@code SELECT ... FOR UPDATE}) inside the caller's
 * transaction: concurrent writers — threads or processes sharing a PostgreSQL database — queue
 * there, and a rolled-back chunk leaves no entry and no gap.
 */
public final class EventLog {
    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Clock clock;

    public EventLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Takes the log's lock for the rest of the caller's transaction. Writers call it before they
     * read what they are about to change, so concurrent writers see each other's committed rows.
     */
    public void lockHead() {
        head();
    }

    /** Appends one entry; must run inside a transaction (the head lock lasts until it commits). */
    public ArchiveEvent append(EventType type, Long itemId, String detail) {
        Head head = head();
        // Millisecond precision survives every database's TIMESTAMP, so the hash can be recomputed.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long seq = head.seq() + 1;
        String safeDetail = detail.length() > 4000 ? detail.substring(0, 3997) + "..." : detail;
        String hash = hash(seq, head.entryHash(), at, type, itemId, safeDetail);
        jdbc.sql("INSERT INTO archive_event (seq, occurred_at, type, item_id, detail, prev_hash, entry_hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), type.name(), itemId, safeDetail,
                        head.entryHash(), hash)
                .update();
        jdbc.sql("UPDATE archive_event_head SET seq = ?, entry_hash = ? WHERE id = 1").params(seq, hash).update();
        return new ArchiveEvent(seq, at, type, itemId, safeDetail, head.entryHash(), hash);
    }

    private Head head() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new StoreException("the event log is written only inside a transaction");
        }
        return jdbc.sql("SELECT seq, entry_hash FROM archive_event_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
    }

    /** Walks the whole chain in order and recomputes every link. */
    public ChainCheck verify() {
        List<String> problems = new ArrayList<>();
        long[] count = {0};
        String[] previous = {GENESIS};
        long[] expectedSeq = {1};
        forEach(event -> {
            count[0]++;
            if (event.seq() != expectedSeq[0]) {
                problems.add("event " + expectedSeq[0] + " is missing (next present is " + event.seq() + ")");
            }
            if (!event.prevHash().equals(previous[0])) {
                problems.add("event " + event.seq() + " does not link to its predecessor's hash");
            }
            String recomputed = hash(event.seq(), event.prevHash(), event.occurredAt(), event.type(),
                    event.itemId(), event.detail());
            if (!recomputed.equals(event.entryHash())) {
                problems.add("event " + event.seq() + " (" + event.type() + ") was altered: its hash does not match its fields");
            }
            previous[0] = event.entryHash();
            expectedSeq[0] = event.seq() + 1;
        });
        Head head = jdbc.sql("SELECT seq, entry_hash FROM archive_event_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
        if (head.seq() != expectedSeq[0] - 1 || !head.entryHash().equals(previous[0])) {
            problems.add("the chain head (event " + head.seq() + ") does not match the last entry (event "
                    + (expectedSeq[0] - 1) + "): entries were removed or added outside the log");
        }
        return new ChainCheck(count[0], problems);
    }

    /** Streams every entry in order (for verification and export). */
    public void forEach(Consumer<ArchiveEvent> consumer) {
        jdbc.sql("SELECT seq, occurred_at, type, item_id, detail, prev_hash, entry_hash FROM archive_event ORDER BY seq")
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> consumer.accept(read(rs)));
    }

    public List<ArchiveEvent> forItem(long itemId) {
        return jdbc.sql("SELECT seq, occurred_at, type, item_id, detail, prev_hash, entry_hash FROM archive_event "
                        + "WHERE item_id = ? ORDER BY seq")
                .param(itemId)
                .query((rs, n) -> read(rs))
                .list();
    }

    public long size() {
        return jdbc.sql("SELECT seq FROM archive_event_head WHERE id = 1").query(Long.class).single();
    }

    private static ArchiveEvent read(ResultSet rs) throws SQLException {
        long item = rs.getLong(4);
        Long itemId = rs.wasNull() ? null : item;
        Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
        EventType type;
        try {
            type = EventType.valueOf(rs.getString(3));
        } catch (IllegalArgumentException e) {
            // An unknown type can only come from outside the application; let verify() flag the hash.
            type = null;
        }
        return new ArchiveEvent(rs.getLong(1), at, type, itemId, rs.getString(5), rs.getString(6), rs.getString(7));
    }

    /** The link hash; fields are length-prefixed so no two different entries encode alike. */
    static String hash(long seq, String prevHash, Instant at, EventType type, Long itemId, String detail) {
        MessageDigest digest = ContentHash.newDigest();
        digest.update(ByteBuffer.allocate(8).putLong(seq).array());
        field(digest, prevHash);
        field(digest, at.truncatedTo(ChronoUnit.MILLIS).toString());
        field(digest, type == null ? "?" : type.name());
        field(digest, itemId == null ? "" : Long.toString(itemId));
        field(digest, detail);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private record Head(long seq, String entryHash) {
    }
}
