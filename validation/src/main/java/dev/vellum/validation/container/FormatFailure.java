package dev.vellum.validation.container;

import dev.vellum.validation.ValidationException;

/**
 * The file cannot be read as a signature far enough to verify it (EN 319 102-1 §5.2.2 format
 * checking): it becomes TOTAL_FAILED/FORMAT_FAILURE in the report, never an exception to the caller.
 */
public class FormatFailure extends ValidationException {

    public FormatFailure(String message) {
        super(message);
    }

    public FormatFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
