package dev.vellum.formats.cms;

/**
 * One BER/DER TLV header read from stored bytes, and whether a TLV's stored bytes are exactly what
 * Bouncy Castle writes for the element it parsed from them: {@link Encodings#asStored} (definite
 * lengths, as parsed) or {@link Encodings#der}. When they are, the stored bytes can stand in for
 * that re-encoding byte for byte; anything unusual (indefinite or non-minimal lengths, constructed
 * strings, rare types, SETs of several elements for DER) answers {@link #NONE} and callers encode.
 *
 * @param first the identifier octet
 * @param tagNo the tag number
 * @param start offset of the identifier octet
 * @param contentStart offset of the first content octet
 * @param end offset just after the last content octet
 */
record CanonicalTlv(int first, int tagNo, int start, int contentStart, int end) {
    /** Not known to equal Bouncy Castle's re-encoding. */
    static final int NONE = 0;
    /** Equals {@link Encodings#asStored} of the parsed element. */
    static final int AS_STORED = 1;
    /** Equals both {@link Encodings#asStored} and {@link Encodings#der} of the parsed element. */
    static final int DER = 2;

    private static final int MAX_DEPTH = 48;

    boolean constructed() {
        return (first & 0x20) != 0;
    }

    boolean universal() {
        return (first & 0xC0) == 0;
    }

    /**
     * The TLV starting at {@code off} that ends within {@code limit}, or null when its header is
     * not a minimal definite-length header (X.690 §10.1 and §8.1.2, as DER writes them).
     */
    static CanonicalTlv read(byte[] b, int off, int limit) {
        if (off + 2 > limit) {
            return null;
        }
        int p = off;
        int first = b[p++] & 0xFF;
        int tagNo = first & 0x1F;
        if (tagNo == 0x1F) {
            tagNo = 0;
            int n = 0;
            int c;
            do {
                if (p >= limit || ++n > 4) {
                    return null;
                }
                c = b[p++] & 0xFF;
                if (n == 1 && c == 0x80) {
                    return null;
                }
                tagNo = (tagNo << 7) | (c & 0x7F);
            } while ((c & 0x80) != 0);
            if (tagNo < 0x1F) {
                return null;
            }
        }
        if (p >= limit) {
            return null;
        }
        int l = b[p++] & 0xFF;
        int length;
        if (l < 0x80) {
            length = l;
        } else {
            int n = l & 0x7F;
            if (n == 0 || n > 4 || p + n > limit || b[p] == 0) {
                return null; // indefinite, oversized or with a leading zero octet
            }
            long v = 0;
            for (int i = 0; i < n; i++) {
                v = (v << 8) | (b[p++] & 0xFF);
            }
            if (v < 0x80 || v > Integer.MAX_VALUE) {
                return null;
            }
            length = (int) v;
        }
        if ((long) p + length > limit) {
            return null;
        }
        return new CanonicalTlv(first, tagNo, off, p, p + length);
    }

    /** {@link #NONE}, {@link #AS_STORED} or {@link #DER} for this TLV and everything inside it. */
    int level(byte[] b) {
        return level(b, this, 0);
    }

    private static int level(byte[] b, CanonicalTlv t, int depth) {
        if (depth > MAX_DEPTH) {
            return NONE;
        }
        if (!t.constructed()) {
            if (!t.universal()) {
                return DER;
            }
            return switch (t.tagNo) {
                case 1 -> t.length() == 1 && (b[t.contentStart] == 0 || b[t.contentStart] == (byte) 0xFF) ? DER : AS_STORED;
                case 3 -> bitStringIsDer(b, t) ? DER : AS_STORED;
                case 23 -> timeIsDer(b, t, 13) ? DER : AS_STORED; // YYMMDDHHMMSSZ
                case 24 -> timeIsDer(b, t, 15) ? DER : AS_STORED; // YYYYMMDDHHMMSSZ
                case 2, 4, 5, 6, 10, 12, 13, 18, 19, 20, 21, 22, 25, 26, 27, 28, 30 -> DER;
                default -> NONE;
            };
        }
        if (t.universal() && t.tagNo != 16 && t.tagNo != 17) {
            return NONE; // constructed strings and the like are re-encoded differently
        }
        int result = DER;
        int count = 0;
        int off = t.contentStart;
        while (off < t.end) {
            CanonicalTlv child = read(b, off, t.end);
            if (child == null) {
                return NONE;
            }
            result = Math.min(result, level(b, child, depth + 1));
            if (result == NONE) {
                return NONE;
            }
            count++;
            off = child.end;
        }
        if (t.universal() && t.tagNo == 17 && count > 1) {
            result = Math.min(result, AS_STORED); // DER sorts SET OF elements; not worth checking here
        }
        return result;
    }

    int length() {
        return end - contentStart;
    }

    private static boolean bitStringIsDer(byte[] b, CanonicalTlv t) {
        if (t.length() < 1) {
            return false;
        }
        int pad = b[t.contentStart] & 0xFF;
        if (pad > 7 || (t.length() == 1 && pad != 0)) {
            return false;
        }
        return pad == 0 || (b[t.end - 1] & ((1 << pad) - 1)) == 0;
    }

    private static boolean timeIsDer(byte[] b, CanonicalTlv t, int length) {
        if (t.length() != length || b[t.end - 1] != 'Z') {
            return false;
        }
        for (int i = t.contentStart; i < t.end - 1; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }
}
