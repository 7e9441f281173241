package dev.vellum.formats.container;

import java.io.ByteArrayOutputStream;

/**
 * S/MIME canonical form for a signed MIME entity: every line ends in CRLF (RFC 8551 §3.1.1).
 * Files stored with bare LF (Unix mbox, RFC 4134 4.8.eml) must still verify; trailing white space
 * is kept, as canonicalisation keeps it.
 */
public final class CrlfCanonicalizer {
    private CrlfCanonicalizer() {
    }

    public static byte[] canonicalize(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 40 + 2);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '\n' && (i == 0 || in[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(b);
        }
        return out.toByteArray();
    }
}
