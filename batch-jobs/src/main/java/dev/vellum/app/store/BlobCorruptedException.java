package dev.vellum.app.store;

/** A blob's bytes no longer hash to its name: the file was changed or damaged on disk. */
public final class BlobCorruptedException extends StoreException {
    private final ContentHash expected;

    public BlobCorruptedException(ContentHash expected, String reason) {
        super("blob " + expected + " is corrupt: " + reason);
        this.expected = expected;
    }

    public ContentHash expected() {
        return expected;
    }
}
