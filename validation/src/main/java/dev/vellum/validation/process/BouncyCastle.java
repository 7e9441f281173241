package dev.vellum.validation.process;

import java.security.Provider;

/**
 * The one Bouncy Castle provider instance of the process (timestamping's), used explicitly and never
 * installed globally: each new instance costs a quarter of a second of start-up.
 */
final class BouncyCastle {
    static final Provider PROVIDER = dev.vellum.timestamping.BouncyCastle.provider();

    /**
     * A digest by JCA name: the JDK's where it has one (its SHA-2 uses CPU intrinsics, several
     * times faster than Bouncy Castle's pure Java; the result is the same), else Bouncy Castle's.
     */
    static java.security.MessageDigest digest(String name) throws java.security.NoSuchAlgorithmException {
        java.security.MessageDigest prototype = PROTOTYPES.get(name);
        if (prototype == null) {
            prototype = lookUp(name);
            PROTOTYPES.putIfAbsent(name, prototype);
        }
        try {
            return (java.security.MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return lookUp(name);
        }
    }

    /** Untouched digests by name, only ever cloned (a clone costs less than a provider look-up). */
    private static final java.util.concurrent.ConcurrentHashMap<String, java.security.MessageDigest> PROTOTYPES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static java.security.MessageDigest lookUp(String name) throws java.security.NoSuchAlgorithmException {
        try {
            return java.security.MessageDigest.getInstance(name);
        } catch (java.security.NoSuchAlgorithmException notInTheJdk) {
            return java.security.MessageDigest.getInstance(name, PROVIDER);
        }
    }

    private BouncyCastle() {
    }
}
