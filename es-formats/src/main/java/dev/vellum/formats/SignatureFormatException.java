package dev.vellum.formats;

/**
 * The input is not a signature container we can read, or a signature cannot be created or extended
 * as asked. The message names the item and the reason so that a user can act on it.
 */
public class SignatureFormatException extends RuntimeException {

    public SignatureFormatException(String message) {
        super(message);
    }

    public SignatureFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
