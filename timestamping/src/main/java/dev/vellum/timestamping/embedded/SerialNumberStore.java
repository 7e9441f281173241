package dev.vellum.timestamping.embedded;

import dev.vellum.timestamping.TimestampException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hands out strictly increasing time-stamp serial numbers that are never reused, even after a crash
 * (RFC 3161 §2.4.2: serialNumber unique for each token of a TSA).
 *
 * <p>Reserved-block scheme: before any serial of a block is handed out, the block's end is written
 * durably ({@link DurableFiles#replace}). After a restart, numbering resumes at the last persisted
 * end, so serials reserved but never used are skipped, never repeated. A block size of 1 persists
 * before every token.
 */
public final class SerialNumberStore {
    private final Path file;
    private final int blockSize;
    private BigInteger next;
    private BigInteger reservedEnd;

    private SerialNumberStore(Path file, int blockSize, BigInteger start) {
        this.file = file;
        this.blockSize = blockSize;
        this.next = start;
        this.reservedEnd = start;
    }

    /** Opens (or starts) the counter kept in {@code file}. */
    public static SerialNumberStore open(Path file, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("serial block size must be at least 1, was " + blockSize);
        }
        BigInteger start = BigInteger.ONE;
        if (Files.exists(file)) {
            try {
                String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
                start = new BigInteger(text);
            } catch (IOException | NumberFormatException e) {
                // Refuse to guess: a guessed counter could repeat serials.
                throw new TimestampException("the embedded TSA's serial number file " + file
                        + " is unreadable (" + e.getMessage() + "); restore it from backup or set it above "
                        + "the highest serial ever issued", e);
            }
            if (start.signum() <= 0) {
                throw new TimestampException("the embedded TSA's serial number file " + file
                        + " holds a non-positive value " + start);
            }
        }
        return new SerialNumberStore(file, blockSize, start);
    }

    /** The next serial number; it is already durably reserved when this returns. */
    public synchronized BigInteger next() {
        if (next.compareTo(reservedEnd) >= 0) {
            BigInteger end = next.add(BigInteger.valueOf(blockSize));
            try {
                DurableFiles.replace(file, (end.toString() + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new TimestampException("the embedded TSA cannot persist its serial number counter to "
                        + file + " (" + e.getMessage() + "); no token issued", e);
            }
            reservedEnd = end;
        }
        BigInteger serial = next;
        next = next.add(BigInteger.ONE);
        return serial;
    }
}
