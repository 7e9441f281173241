package dev.vellum.formats.container;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds one kind of byte in a message eight bytes at a time (a word-wise zero-byte test), for the
 * scans every S/MIME message needs: the bytes looked for (line feeds, the dash starting a MIME
 * delimiter) are sparse in mail, so a scan costs about one step per eight bytes instead of a
 * compare and a branch per byte.
 */
final class ByteScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long CRS = ONES * '\r';

    private static final long LFS = ONES * '\n';

    private ByteScan() {
    }

    /** Index of the first {@code b} in buf[from, to), or -1. */
    static int indexOf(byte[] buf, byte b, int from, int to) {
        long pattern = ONES * (b & 0xFF);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long zero = zeroBytes((long) LONGS.get(buf, i) ^ pattern);
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first LF or CR in buf[from, to), or -1. */
    static int indexOfLfOrCr(byte[] buf, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(buf, i);
            long zero = zeroBytes(word ^ LFS) | zeroBytes(word ^ CRS);
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf[i] == '\n' || buf[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** High bit set in the lowest zero byte of {@code x} (higher bytes may be false positives). */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }
}
