package dev.vellum.app.renew;

/** Renewal cannot extend protection (e.g. the TSA's own certificate expires too soon); stops the job. */
public final class RenewalException extends dev.vellum.app.store.StoreException {
    public RenewalException(String message) {
        super(message);
    }
}
