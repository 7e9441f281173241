package dev.vellum.app.report;

/** A report could not be produced; the message names the file or item. */
public final class ReportException extends RuntimeException {
    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
