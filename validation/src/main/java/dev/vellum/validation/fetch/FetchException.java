package dev.vellum.validation.fetch;

import dev.vellum.validation.ValidationException;

/** A fetch that did not give a usable response; the message names the URL and the reason. */
public class FetchException extends ValidationException {

    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
