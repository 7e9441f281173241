package dev.vellum.validation;

/**
 * A validation input or setting that cannot be used (an unreadable trust store, a bad crypto policy
 * file, a malformed URL). The message names the item and the reason. Problems with the signature
 * itself never throw: they become indications in the report.
 */
public class ValidationException extends RuntimeException {

    public ValidationException(String message) {
        super(message);
    }

    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
