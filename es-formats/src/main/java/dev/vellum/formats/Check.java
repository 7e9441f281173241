package dev.vellum.formats;

/**
 * The outcome of one cryptographic check, reported as data for the validation module to weigh.
 *
 * @param detail what was compared or why it could not be checked, in words a user can act on
 */
public record Check(Status status, String detail) {

    /** PASSED and FAILED are definitive; NOT_CHECKED means an input was missing. */
    public enum Status { PASSED, FAILED, NOT_CHECKED }

    public static Check passed(String detail) {
        return new Check(Status.PASSED, detail);
    }

    public static Check failed(String detail) {
        return new Check(Status.FAILED, detail);
    }

    public static Check notChecked(String detail) {
        return new Check(Status.NOT_CHECKED, detail);
    }

    public boolean passed() {
        return status == Status.PASSED;
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
