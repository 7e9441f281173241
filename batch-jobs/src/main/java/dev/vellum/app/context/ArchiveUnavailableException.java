package dev.vellum.app.context;

/** The archive cannot be opened: data directory locked, database unreachable, bad configuration. */
public final class ArchiveUnavailableException extends RuntimeException {
    public ArchiveUnavailableException(String message) {
        super(message);
    }

    public ArchiveUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
