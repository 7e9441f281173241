package dev.vellum.formats.cms;

import java.util.Arrays;

/**
 * Encoded bytes compared by value, as a key of the caches of immutable work (keys by their
 * SubjectPublicKeyInfo, OCSP responses by their DER). The array is not copied: callers hand over
 * bytes nobody changes afterwards.
 */
public final class DerBytes {
    private final byte[] bytes;
    private final int hash;

    public DerBytes(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DerBytes other && other.hash == hash && Arrays.equals(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
