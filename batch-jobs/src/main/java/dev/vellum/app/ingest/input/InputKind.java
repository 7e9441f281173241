package dev.vellum.app.ingest.input;

import dev.vellum.app.store.ItemFormat;

/** What one input file is, which decides how it is split into messages. */
public enum InputKind {
    EML(ItemFormat.MIME),
    MAILDIR_MESSAGE(ItemFormat.MIME),
    MBOX(ItemFormat.MIME),
    P7M(ItemFormat.CMS_ENVELOPING),
    P7S(ItemFormat.CMS_DETACHED);

    private final ItemFormat format;

    InputKind(ItemFormat format) {
        this.format = format;
    }

    public ItemFormat format() {
        return format;
    }
}
