package dev.vellum.reports;

/** A report could not be written or read; the message names the report or file and the reason. */
public final class ReportException extends RuntimeException {

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
