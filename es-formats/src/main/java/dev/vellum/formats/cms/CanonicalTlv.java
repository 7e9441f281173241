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
        int[] h = new int[4];
        return header(b, off, limit, h) ? new CanonicalTlv(h[0], h[1], off, h[2], h[3]) : null;
    }

    /** Reads the header at {@code off} into h: identifier octet, tag number, content start, end. */
    private static boolean header(byte[] b, int off, int limit, int[] h) {
        if (off + 2 > limit) {
            return false;
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
                    return false;
                }
                c = b[p++] & 0xFF;
                if (n == 1 && c == 0x80) {
                    return false;
                }
                tagNo = (tagNo << 7) | (c & 0x7F);
            } while ((c & 0x80) != 0);
            if (tagNo < 0x1F) {
                return false;
            }
        }
        if (p >= limit) {
            return false;
        }
        int l = b[p++] & 0xFF;
        int length;
        if (l < 0x80) {
            length = l;
        } else {
            int n = l & 0x7F;
            if (n == 0 || n > 4 || p + n > limit || b[p] == 0) {
                return false; // indefinite, oversized or with a leading zero octet
            }
            long v = 0;
            for (int i = 0; i < n; i++) {
                v = (v << 8) | (b[p++] & 0xFF);
            }
            if (v < 0x80 || v > Integer.MAX_VALUE) {
                return false;
            }
            length = (int) v;
        }
        if ((long) p + length > limit) {
            return false;
        }
        h[0] = first;
        h[1] = tagNo;
        h[2] = p;
        h[3] = p + length;
        return true;
    }

    /** {@link #NONE}, {@link #AS_STORED} or {@link #DER} for this TLV and everything inside it. */
    int level(byte[] b) {
        return level(b, first, tagNo, contentStart, end, 0, new int[4]);
    }

    private static int level(byte[] b, int first, int tagNo, int contentStart, int end, int depth, int[] h) {
        if (depth > MAX_DEPTH) {
            return NONE;
        }
        boolean universal = (first & 0xC0) == 0;
        if ((first & 0x20) == 0) {
            if (!universal) {
                return DER;
            }
            int length = end - contentStart;
            return switch (tagNo) {
                case 1 -> length == 1 && (b[contentStart] == 0 || b[contentStart] == (byte) 0xFF) ? DER : AS_STORED;
                case 3 -> bitStringIsDer(b, contentStart, end) ? DER : AS_STORED;
                case 23 -> timeIsDer(b, contentStart, end, 13) ? DER : AS_STORED; // YYMMDDHHMMSSZ
                case 24 -> timeIsDer(b, contentStart, end, 15) ? DER : AS_STORED; // YYYYMMDDHHMMSSZ
                case 2, 4, 5, 6, 10, 12, 13, 18, 19, 20, 21, 22, 25, 26, 27, 28, 30 -> DER;
                default -> NONE;
            };
        }
        if (universal && tagNo != 16 && tagNo != 17) {
            return NONE; // constructed strings and the like are re-encoded differently
        }
        int result = DER;
        int count = 0;
        int off = contentStart;
        while (off < end) {
            if (!header(b, off, end, h)) {
                return NONE;
            }
            int childEnd = h[3];
            result = Math.min(result, level(b, h[0], h[1], h[2], childEnd, depth + 1, h));
            if (result == NONE) {
                return NONE;
            }
            count++;
            off = childEnd;
        }
        if (universal && tagNo == 17 && count > 1) {
            result = Math.min(result, AS_STORED); // DER sorts SET OF elements; not worth checking here
        }
        return result;
    }

    int length() {
        return end - contentStart;
    }

    private static boolean bitStringIsDer(byte[] b, int contentStart, int end) {
        int length = end - contentStart;
        if (length < 1) {
            return false;
        }
        int pad = b[contentStart] & 0xFF;
        if (pad > 7 || (length == 1 && pad != 0)) {
            return false;
        }
        return pad == 0 || (b[end - 1] & ((1 << pad) - 1)) == 0;
    }

    private static boolean timeIsDer(byte[] b, int contentStart, int end, int length) {
        if (end - contentStart != length || b[end - 1] != 'Z') {
            return false;
        }
        for (int i = contentStart; i < end - 1; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }
}
