package dev.vellum.policy.der;

import dev.vellum.policy.PolicyException;
import java.util.Arrays;

/**
 * The first two elements of a SignaturePolicy exactly as they are stored in the file — the policy
 * hash input. Splits TLVs by hand because a parse-and-re-encode would silently turn a BER file into
 * DER and hide the difference.
 */
public record TopLevelElements(byte[] signPolicyHashAlg, byte[] signPolicyInfo) {

    public static TopLevelElements split(byte[] file) {
        if (file == null || file.length < 2 || (file[0] & 0xFF) != 0x30) {
            throw new PolicyException("malformed signature policy DER: not a SEQUENCE");
        }
        int[] outer = header(file, 0);
        int contentStart = outer[0];
        int contentEnd = outer[1] < 0 ? file.length : contentStart + outer[1];
        if (contentEnd > file.length) {
            throw new PolicyException("malformed signature policy DER: outer length exceeds the file");
        }
        int[] first = element(file, contentStart, contentEnd);
        int[] second = element(file, first[1], contentEnd);
        return new TopLevelElements(Arrays.copyOfRange(file, first[0], first[1]),
                Arrays.copyOfRange(file, second[0], second[1]));
    }

    /** [start, end) of the TLV starting at offset. */
    private static int[] element(byte[] file, int offset, int limit) {
        if (offset >= limit) {
            throw new PolicyException("malformed signature policy DER: SignaturePolicy has fewer than two elements");
        }
        int[] h = header(file, offset);
        if (h[1] < 0) {
            throw new PolicyException("malformed signature policy DER: indefinite length inside SignaturePolicy");
        }
        int end = h[0] + h[1];
        if (end > limit || end < h[0]) {
            throw new PolicyException("malformed signature policy DER: element length exceeds its container");
        }
        return new int[] {offset, end};
    }

    /** {contentStart, contentLength or -1 for indefinite}. Single-byte tags only (all RFC 3125 tags are). */
    private static int[] header(byte[] b, int offset) {
        if ((b[offset] & 0x1F) == 0x1F) {
            throw new PolicyException("malformed signature policy DER: multi-byte tag at offset " + offset);
        }
        int pos = offset + 1;
        if (pos >= b.length) {
            throw new PolicyException("malformed signature policy DER: truncated at offset " + offset);
        }
        int first = b[pos++] & 0xFF;
        if (first < 0x80) {
            return new int[] {pos, first};
        }
        if (first == 0x80) {
            return new int[] {pos, -1};
        }
        int count = first & 0x7F;
        if (count > 4 || pos + count > b.length) {
            throw new PolicyException("malformed signature policy DER: bad length at offset " + offset);
        }
        long length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (b[pos++] & 0xFF);
        }
        if (length > Integer.MAX_VALUE) {
            throw new PolicyException("malformed signature policy DER: length too large at offset " + offset);
        }
        return new int[] {pos, (int) length};
    }
}
