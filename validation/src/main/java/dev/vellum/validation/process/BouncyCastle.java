package dev.vellum.validation.process;

import java.security.Provider;

/**
 * The one Bouncy Castle provider instance of the process (timestamping's), used explicitly and never
 * installed globally: each new instance costs a quarter of a second of start-up.
 */
final class BouncyCastle {
    static final Provider PROVIDER = dev.vellum.timestamping.BouncyCastle.provider();

    private BouncyCastle() {
    }
}
