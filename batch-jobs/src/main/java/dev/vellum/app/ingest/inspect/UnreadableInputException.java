package dev.vellum.app.ingest.inspect;

/** The input is not a message Vellum can archive; the message says why, for the quarantine record. */
public final class UnreadableInputException extends RuntimeException {
    public UnreadableInputException(String reason) {
        super(reason);
    }

    public UnreadableInputException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
