package dev.vellum.formats.container;

/**
 * S/MIME canonical form for a signed MIME entity: every line ends in CRLF (RFC 8551 §3.1.1).
 * Files stored with bare LF (Unix mbox, RFC 4134 4.8.eml) must still verify; trailing white space
 * is kept, as canonicalisation keeps it.
 */
public final class CrlfCanonicalizer {
    private CrlfCanonicalizer() {
    }

    /**
     * The canonical form of {@code in}. Mail is almost always canonical already, so the line feeds are
     * found with a word-wise scan and {@code in} itself is returned when none is bare; otherwise one
     * array of the exact size is filled (this sat on every .eml validation's hot path).
     */
    public static byte[] canonicalize(byte[] in) {
        int bare = 0;
        for (int i = ByteScan.indexOf(in, (byte) '\n', 0, in.length); i >= 0; i = ByteScan.indexOf(in, (byte) '\n', i + 1, in.length)) {
            if (i == 0 || in[i - 1] != '\r') {
                bare++;
            }
        }
        if (bare == 0) {
            return in;
        }
        byte[] out = new byte[in.length + bare];
        int o = 0;
        int from = 0;
        for (int i = ByteScan.indexOf(in, (byte) '\n', 0, in.length); i >= 0; i = ByteScan.indexOf(in, (byte) '\n', i + 1, in.length)) {
            if (i == 0 || in[i - 1] != '\r') {
                System.arraycopy(in, from, out, o, i - from);
                o += i - from;
                out[o++] = '\r';
                from = i;
            }
        }
        System.arraycopy(in, from, out, o, in.length - from);
        return out;
    }
}
