package dev.vellum.app.ingest;

import dev.vellum.app.ingest.input.RawMessage;
import dev.vellum.app.ingest.inspect.InspectedMessage;
import dev.vellum.app.ingest.inspect.MessageInspector;
import dev.vellum.app.ingest.inspect.UnreadableInputException;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.ContentHash;
import dev.vellum.app.store.NewItem;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Inspects one raw message and puts its bytes in the blob store. Blob writes are idempotent
 * (content-addressed), so a chunk replayed after a crash writes nothing twice; the index rows are
 * written by {@link IngestWriter} in the chunk's transaction.
 */
public final class IngestProcessor implements ItemProcessor<RawMessage, IngestOutcome> {
    private final MessageInspector inspector;
    private final BlobStore blobs;
    private final long maxItemBytes;

    public IngestProcessor(MessageInspector inspector, BlobStore blobs, long maxItemBytes) {
        this.inspector = inspector;
        this.blobs = blobs;
        this.maxItemBytes = maxItemBytes;
    }

    @Override
    public IngestOutcome process(RawMessage raw) {
        if (raw.tooLarge()) {
            return new IngestOutcome.Quarantined(raw.source(), null, raw.size(), "item is " + raw.size()
                    + " bytes, above the limit of " + maxItemBytes + " (vellum.ingest.max-item-bytes); bytes not kept");
        }
        InspectedMessage inspected;
        try {
            inspected = inspector.inspect(raw.format(), raw.bytes());
        } catch (UnreadableInputException e) {
            return quarantine(raw, e.getMessage());
        } catch (StackOverflowError e) {
            // Last line of defence against nesting the depth limits did not catch (e.g. deep BER in CMS).
            return quarantine(raw, "structure nested too deeply to read safely");
        }
        ContentHash original = blobs.put(raw.bytes());
        ContentHash content = raw.detachedContent() == null ? null : blobs.put(raw.detachedContent());
        String note = inspected.note();
        if (raw.format() == dev.vellum.app.store.ItemFormat.CMS_DETACHED && content == null
                && (note == null || !note.contains("not detached"))) {
            note = join(note, "detached content not found beside the .p7s (looked for X and X.bin)");
        } else if (content != null) {
            note = join(note, "detached content from " + raw.detachedContentSource());
        }
        return new IngestOutcome.Archived(raw.source(), new NewItem(original, content, raw.format(), raw.size(),
                inspected.messageId(), inspected.from(), inspected.subject(), inspected.sentAt(),
                inspected.signerCount(), note));
    }

    private IngestOutcome quarantine(RawMessage raw, String reason) {
        return new IngestOutcome.Quarantined(raw.source(), blobs.put(raw.bytes()), raw.size(), reason);
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }
}
