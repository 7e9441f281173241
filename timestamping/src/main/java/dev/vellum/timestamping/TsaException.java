package dev.vellum.timestamping;

import java.util.Objects;

/**
 * One TSA failed to give a verified token. The message reads
 * {@code TSA <name>: <check> check failed: <detail>} so the user knows which TSA and which check.
 */
public class TsaException extends TimestampException {
    private final String tsa;
    private final TsaFailure failure;
    private final String detail;
    private final boolean retryable;

    public TsaException(String tsa, TsaFailure failure, String detail) {
        this(tsa, failure, detail, null);
    }

    public TsaException(String tsa, TsaFailure failure, String detail, Throwable cause) {
        this(tsa, failure, detail, cause, failure.retryable());
    }

    /** For failures whose retryability depends on details (e.g. HTTP 503 yes, HTTP 404 no). */
    public TsaException(String tsa, TsaFailure failure, String detail, Throwable cause, boolean retryable) {
        super("TSA " + tsa + ": " + failure.check() + " check failed: " + detail, cause);
        this.tsa = Objects.requireNonNull(tsa, "tsa");
        this.failure = Objects.requireNonNull(failure, "failure");
        this.detail = detail;
        this.retryable = retryable;
    }

    /** Whether asking the same TSA again may help. */
    public boolean retryable() {
        return retryable;
    }

    /** The TSA's name (its URL unless configured otherwise). */
    public String tsa() {
        return tsa;
    }

    /** Which check failed. */
    public TsaFailure failure() {
        return failure;
    }

    /** The reason, without the TSA name. */
    public String detail() {
        return detail;
    }
}
