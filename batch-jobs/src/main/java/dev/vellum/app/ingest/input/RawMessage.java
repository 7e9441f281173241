package dev.vellum.app.ingest.input;

import dev.vellum.app.store.ItemFormat;

/**
 * One message as read from its input, before anything is concluded about it.
 *
 * @param source          where it came from, stable across runs (path, or {@code path#n} inside an mbox)
 * @param bytes           the bytes, or null when {@code size} is above the configured limit
 * @param detachedContent the content of a detached .p7s when found beside it, else null
 */
public record RawMessage(String source, ItemFormat format, byte[] bytes, long size, byte[] detachedContent,
                         String detachedContentSource) {
    public boolean tooLarge() {
        return bytes == null;
    }
}
