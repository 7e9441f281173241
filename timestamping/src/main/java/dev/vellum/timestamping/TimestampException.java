package dev.vellum.timestamping;

/**
 * Anything that went wrong getting, verifying or using a time-stamp or evidence record. The message
 * names the TSA or item and the reason, so that a user can act on it.
 */
public class TimestampException extends RuntimeException {

    public TimestampException(String message) {
        super(message);
    }

    public TimestampException(String message, Throwable cause) {
        super(message, cause);
    }
}
