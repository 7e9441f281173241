package dev.vellum.app.store;

/** The archive store cannot do what was asked; the message names the blob or item and the reason. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
