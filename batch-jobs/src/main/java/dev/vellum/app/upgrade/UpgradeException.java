package dev.vellum.app.upgrade;

/** One item could not be upgraded; the message names it and says why (it is quarantined, the job goes on). */
public final class UpgradeException extends RuntimeException {
    public UpgradeException(String message) {
        super(message);
    }
}
