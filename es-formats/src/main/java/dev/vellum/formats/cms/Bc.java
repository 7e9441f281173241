package dev.vellum.formats.cms;

import java.security.Provider;

/**
 * The Bouncy Castle provider this module uses: the timestamping module's one instance (building
 * a provider registers every BC algorithm, a noticeable part of a CLI start). Not installed JVM-wide.
 */
public final class Bc {
    public static final Provider PROVIDER = dev.vellum.timestamping.BouncyCastle.provider();

    private Bc() {
    }
}
