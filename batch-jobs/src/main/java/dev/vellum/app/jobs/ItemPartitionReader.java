package dev.vellum.app.jobs;

import java.util.ArrayDeque;
import java.util.Deque;

import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.Item;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the archived items of one partition ({@code id mod partitions = partition}) in id order, a
 * page at a time. The last id handed out is saved with every chunk, so a restart resumes after it.
 */
public final class ItemPartitionReader implements ItemStreamReader<Item> {
    private static final String LAST_ID = "items.lastId";

    /** Fetches the next page of a partition's items after an id. */
    @FunctionalInterface
    public interface PageQuery {
        java.util.List<Item> page(long afterId, int partition, int partitions, int limit);
    }

    private final PageQuery query;
    private final int partition;
    private final int partitions;
    private final int pageSize;
    private final Deque<Item> page = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;

    public ItemPartitionReader(ArchiveIndex index, int partition, int partitions, int pageSize) {
        this(index, partition, partitions, pageSize, false);
    }

    /** @param onlyNotValidated read only items without any validation run (the first validation at ingest) */
    public ItemPartitionReader(ArchiveIndex index, int partition, int partitions, int pageSize, boolean onlyNotValidated) {
        this((after, p, n, limit) -> index.itemsInPartition(after, p, n, limit, onlyNotValidated), partition, partitions,
                pageSize);
    }

    public ItemPartitionReader(PageQuery query, int partition, int partitions, int pageSize) {
        this.query = query;
        this.partition = partition;
        this.partitions = partitions;
        this.pageSize = pageSize;
    }

    @Override
    public void open(ExecutionContext context) {
        lastId = context.getLong(LAST_ID, 0L);
        page.clear();
        exhausted = false;
    }

    @Override
    public Item read() {
        if (page.isEmpty() && !exhausted) {
            long after = lastId;
            page.addAll(query.page(after, partition, partitions, pageSize));
            exhausted = page.size() < pageSize;
        }
        Item next = page.poll();
        if (next != null) {
            lastId = next.id();
        }
        return next;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(LAST_ID, lastId);
    }
}
