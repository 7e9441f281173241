package dev.vellum.policy;

/**
 * A signature policy could not be read, written, hashed or applied. The message names the policy
 * (or file) and the reason so that a user can act on it.
 */
public class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
