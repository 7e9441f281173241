package dev.vellum.testkit.pki;

/** A test PKI operation failed (key generation, signing, encoding); the message names the item. */
public class TestPkiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TestPkiException(String message, Throwable cause) {
        super(message, cause);
    }

    public TestPkiException(String message) {
        super(message);
    }
}
