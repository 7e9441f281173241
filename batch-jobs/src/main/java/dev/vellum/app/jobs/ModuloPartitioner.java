package dev.vellum.app.jobs;

import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits work into {@code partitions} shares by a number modulo the partition count (input file
 * index for ingest, item id for the item jobs): stable across restarts, no coordination needed.
 */
public final class ModuloPartitioner implements Partitioner {
    public static final String PARTITION = "partition";
    public static final String PARTITIONS = "partitions";

    private final int partitions;

    public ModuloPartitioner(int partitions) {
        this.partitions = partitions;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> contexts = new HashMap<>();
        for (int i = 0; i < partitions; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(PARTITION, i);
            context.putInt(PARTITIONS, partitions);
            contexts.put("partition" + i, context);
        }
        return contexts;
    }
}
