package dev.vellum.app.ingest.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.vellum.app.store.ItemFormat;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the messages of one ingest partition: the input files whose index in the scan is
 * {@code partition} modulo {@code partitions}. Its position (file, and offset inside an mbox) is
 * saved with every chunk, so a restarted partition resumes where the last committed chunk ended.
 */
public final class PartitionInputReader implements ItemStreamReader<RawMessage> {
    private static final String UNIT = "ingest.unit";
    private static final String MBOX_OFFSET = "ingest.mbox.offset";
    private static final String MBOX_ORDINAL = "ingest.mbox.ordinal";

    private final List<Path> roots;
    private final int partition;
    private final int partitions;
    private final long maxItemBytes;

    private List<InputUnit> units = List.of();
    private int unitIndex;
    private MboxReader mbox;

    public PartitionInputReader(List<Path> roots, int partition, int partitions, long maxItemBytes) {
        this.roots = List.copyOf(roots);
        this.partition = partition;
        this.partitions = partitions;
        this.maxItemBytes = maxItemBytes;
    }

    @Override
    public void open(ExecutionContext context) {
        List<InputUnit> all = new InputScanner().scan(roots).units();
        List<InputUnit> mine = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % partitions == partition) {
                mine.add(all.get(i));
            }
        }
        units = mine;
        unitIndex = context.getInt(UNIT, 0);
        if (unitIndex < units.size() && units.get(unitIndex).kind() == InputKind.MBOX && context.containsKey(MBOX_OFFSET)) {
            openMbox(units.get(unitIndex).path(), context.getLong(MBOX_OFFSET), context.getInt(MBOX_ORDINAL, 0));
        }
    }

    @Override
    public RawMessage read() {
        while (unitIndex < units.size()) {
            InputUnit unit = units.get(unitIndex);
            if (unit.kind() == InputKind.MBOX) {
                RawMessage next = nextFromMbox(unit.path());
                if (next != null) {
                    return next;
                }
                closeMbox();
                unitIndex++;
                continue;
            }
            unitIndex++;
            return readFile(unit);
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(UNIT, unitIndex);
        if (mbox != null) {
            context.putLong(MBOX_OFFSET, mbox.nextOffset());
            context.putInt(MBOX_ORDINAL, mbox.ordinal());
        } else {
            context.remove(MBOX_OFFSET);
            context.remove(MBOX_ORDINAL);
        }
    }

    @Override
    public void close() {
        closeMbox();
    }

    private RawMessage nextFromMbox(Path path) {
        try {
            if (mbox == null) {
                openMbox(path, 0, 0);
            }
            MboxReader.Entry entry = mbox.next();
            if (entry == null) {
                return null;
            }
            return new RawMessage(path + "#" + entry.ordinal(), ItemFormat.MIME, entry.bytes(), entry.size(), null, null);
        } catch (IOException e) {
            throw new ItemStreamException("cannot read mbox " + path + ": " + e.getMessage(), e);
        }
    }

    private void openMbox(Path path, long offset, int ordinal) {
        try {
            mbox = new MboxReader(path, offset, ordinal, maxItemBytes);
        } catch (IOException e) {
            throw new ItemStreamException("cannot open mbox " + path + ": " + e.getMessage(), e);
        }
    }

    private void closeMbox() {
        if (mbox != null) {
            try {
                mbox.close();
            } catch (IOException ignored) {
                // read-only file; nothing to flush
            }
            mbox = null;
        }
    }

    private RawMessage readFile(InputUnit unit) {
        Path path = unit.path();
        Bounded bytes = readBounded(path);
        byte[] content = null;
        String contentSource = null;
        if (unit.kind() == InputKind.P7S) {
            Path found = detachedContentOf(path);
            if (found != null) {
                Bounded c = readBounded(found);
                content = c.bytes();
                contentSource = found.toString();
            }
        }
        return new RawMessage(path.toString(), unit.kind().format(), bytes.bytes(), bytes.size(), content, contentSource);
    }

    /** The content of a detached {@code X.p7s}: the file {@code X}, or failing that {@code X.bin}. */
    static Path detachedContentOf(Path signature) {
        String name = signature.getFileName().toString();
        String base = name.substring(0, name.length() - ".p7s".length());
        for (Path candidate : List.of(signature.resolveSibling(base), signature.resolveSibling(base + ".bin"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private record Bounded(byte[] bytes, long size) {
    }

    private Bounded readBounded(Path path) {
        try {
            long size = Files.size(path);
            if (size > maxItemBytes) {
                return new Bounded(null, size);
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] bytes = in.readNBytes((int) maxItemBytes + 1);
                return bytes.length > maxItemBytes ? new Bounded(null, bytes.length) : new Bounded(bytes, bytes.length);
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
