package dev.vellum.formats.timestamp;

import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.cms.Bc;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Message digests by OID through the module's Bouncy Castle provider. */
public final class Digests {
    private Digests() {
    }

    /** The JDK's implementation where it has one (intrinsics make SHA-2 several times faster), else Bouncy Castle's. */
    public static MessageDigest forOid(String oid) {
        try {
            return MessageDigest.getInstance(oid);
        } catch (NoSuchAlgorithmException notInTheJdk) {
            try {
                return MessageDigest.getInstance(oid, Bc.PROVIDER);
            } catch (NoSuchAlgorithmException e) {
                throw new SignatureFormatException("unsupported digest algorithm " + oid, e);
            }
        }
    }

    public static byte[] digest(String oid, byte[] data) {
        return forOid(oid).digest(data);
    }
}
