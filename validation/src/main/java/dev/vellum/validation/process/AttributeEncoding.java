package dev.vellum.validation.process;

/**
 * The DER encoding of a single-valued CMS Attribute (RFC 5652 §5.3: SEQUENCE { attrType, SET OF
 * AttributeValue }) assembled from the DER of its type and of its value, which POE extraction has
 * already encoded: the ats-hash-index (v1/v2) input without encoding the value a second time.
 */
final class AttributeEncoding {

    private AttributeEncoding() {
    }

    /** {@code SEQUENCE { typeDer, SET { valueDer } }}, byte for byte what Bouncy Castle's DER encoder gives. */
    static byte[] singleValued(byte[] typeDer, byte[] valueDer) {
        int setLength = 1 + lengthOctets(valueDer.length) + valueDer.length;
        int contents = typeDer.length + setLength;
        byte[] out = new byte[1 + lengthOctets(contents) + contents];
        int i = 0;
        out[i++] = 0x30;
        i = writeLength(out, i, contents);
        System.arraycopy(typeDer, 0, out, i, typeDer.length);
        i += typeDer.length;
        out[i++] = 0x31;
        i = writeLength(out, i, valueDer.length);
        System.arraycopy(valueDer, 0, out, i, valueDer.length);
        return out;
    }

    // X.690 §10.1: definite form, minimal number of octets.
    private static int lengthOctets(int length) {
        if (length < 0x80) {
            return 1;
        }
        int n = 1;
        for (int l = length; l > 0; l >>>= 8) {
            n++;
        }
        return n;
    }

    private static int writeLength(byte[] out, int at, int length) {
        if (length < 0x80) {
            out[at] = (byte) length;
            return at + 1;
        }
        int n = lengthOctets(length) - 1;
        out[at++] = (byte) (0x80 | n);
        for (int shift = (n - 1) * 8; shift >= 0; shift -= 8) {
            out[at++] = (byte) (length >>> shift);
        }
        return at;
    }
}
