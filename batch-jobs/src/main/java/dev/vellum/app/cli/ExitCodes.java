package dev.vellum.app.cli;

/** Exit codes of {@code vellum}; 0 only when nothing failed. */
public final class ExitCodes {
    /** Everything done, nothing failed. */
    public static final int OK = 0;
    /** The run completed but some items need attention (quarantined, or failed validation). */
    public static final int ATTENTION = 1;
    /** The command line was wrong (picocli's usage error code). */
    public static final int USAGE = 2;
    /** A job failed, the archive could not be opened, or a needed capability is not in this build. */
    public static final int FAILED = 3;
    /** {@code verify-store} found missing or corrupt blobs or a broken event chain. */
    public static final int STORE_DAMAGED = 4;

    private ExitCodes() {
    }
}
