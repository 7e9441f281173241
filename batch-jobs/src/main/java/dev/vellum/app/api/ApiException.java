package dev.vellum.app.api;

/** A request the API refuses, with the HTTP status that says why (400, 404, 405, 413, 422, 503). */
final class ApiException extends RuntimeException {
    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
