package dev.vellum.app.jobs;

/** A job was asked for something a library does not provide yet; the message says which library. */
public final class CapabilityUnavailableException extends RuntimeException {
    private final Capability capability;

    public CapabilityUnavailableException(Capability capability) {
        super(capability.unavailableMessage());
        this.capability = capability;
    }

    public Capability capability() {
        return capability;
    }
}
