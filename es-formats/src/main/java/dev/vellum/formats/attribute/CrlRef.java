package dev.vellum.formats.attribute;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/** A CrlValidatedID of complete-revocation-references (EN 319 122-1 A.1.2.1). */
public record CrlRef(String hashAlgorithmOid, byte[] hash, Optional<X500Principal> issuer,
                     Optional<Instant> issuedTime, Optional<BigInteger> crlNumber) {
    public CrlRef {
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }
}
