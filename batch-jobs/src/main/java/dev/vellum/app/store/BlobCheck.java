package dev.vellum.app.store;

/** The outcome of re-hashing one blob. */
public record BlobCheck(ContentHash hash, State state, String detail) {
    public enum State { OK, MISSING, CORRUPT, UNREADABLE }

    public boolean ok() {
        return state == State.OK;
    }
}
