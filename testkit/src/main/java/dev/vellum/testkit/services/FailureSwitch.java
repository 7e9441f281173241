package dev.vellum.testkit.services;

/**
 * A switched-on failure; closing it resets the service, so a try-with-resources block bounds the failure:
 * {@code try (var down = pki.services().ocsp().failWith(FailureMode.DOWN)) { ... }}.
 */
public final class FailureSwitch implements AutoCloseable {
    private final HttpService service;

    FailureSwitch(HttpService service) {
        this.service = service;
    }

    @Override
    public void close() {
        service.reset();
    }
}
