package dev.vellum.app.ingest.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Splits an mbox file into messages, one at a time, without loading the file. A message starts at
 * a line beginning with {@code "From "} at the start of the file or after an empty line; the
 * separator line is not part of the message, nor is the empty line that ends every message. Lines quoted as {@code ">From "} (and deeper, mboxrd)
 * lose one {@code >}, which gives back the bytes the sender signed. Line endings are kept as they are.
 *
 * <p>A message above {@code maxBytes} is skipped over and reported with its size only.
 */
public final class MboxReader implements AutoCloseable {
    /** One message: its ordinal (1-based), the byte offset of its separator line, its bytes (null if too large). */
    public record Entry(int ordinal, long offset, byte[] bytes, long size) {
    }

    private final SeekableByteChannel channel;
    private final InputStream in;
    private final long maxBytes;
    private long position;
    private int ordinal;
    private byte[] pendingLine;

    /** Opens at {@code offset} (0, or an offset returned by {@link #nextOffset()}), numbering from {@code ordinal + 1}. */
    public MboxReader(Path file, long offset, int ordinal, long maxBytes) throws IOException {
        this.channel = Files.newByteChannel(file);
        channel.position(offset);
        this.in = new java.io.BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
        this.position = offset;
        this.ordinal = ordinal;
        this.maxBytes = maxBytes;
    }

    /** Where the next message's separator line starts (for restart). */
    public long nextOffset() {
        return pendingLine == null ? position : position - pendingLine.length;
    }

    public int ordinal() {
        return ordinal;
    }

    /** The next message, or null at the end of the file. */
    public Entry next() throws IOException {
        byte[] line = pendingLine != null ? pendingLine : readLine();
        pendingLine = null;
        while (line != null && !isSeparator(line)) {
            // Text before the first separator (not an mbox, or a damaged one) is skipped.
            line = readLine();
        }
        if (line == null) {
            return null;
        }
        long start = position - line.length;
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        long size = 0;
        boolean previousBlank = false;
        byte[] held = null;
        while (true) {
            line = readLine();
            if (line == null) {
                break;
            }
            if (previousBlank && isSeparator(line)) {
                pendingLine = line;
                break;
            }
            if (held != null) {
                size += held.length;
                if (size <= maxBytes) {
                    message.write(held);
                }
            }
            held = unquote(line);
            previousBlank = isBlank(line);
        }
        if (held != null) {
            // The empty line after each message (before the next separator, or at the end of the file)
            // belongs to the mbox format, not to the message.
            if (!isBlank(held)) {
                size += held.length;
                if (size <= maxBytes) {
                    message.write(held);
                }
            }
        }
        ordinal++;
        return new Entry(ordinal, start, size <= maxBytes ? message.toByteArray() : null, size);
    }

    private byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            position++;
            if (b == '\n') {
                break;
            }
            if (line.size() > maxBytes + 1) {
                // an absurdly long line: keep counting but stop buffering it
                break;
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static boolean isSeparator(byte[] line) {
        return line.length >= 5 && line[0] == 'F' && line[1] == 'r' && line[2] == 'o' && line[3] == 'm' && line[4] == ' ';
    }

    private static boolean isBlank(byte[] line) {
        return (line.length == 1 && line[0] == '\n') || (line.length == 2 && line[0] == '\r' && line[1] == '\n');
    }

    /** mboxrd: {@code >From }, {@code >>From } ... lose one leading {@code >}. */
    private static byte[] unquote(byte[] line) {
        int quotes = 0;
        while (quotes < line.length && line[quotes] == '>') {
            quotes++;
        }
        if (quotes > 0 && line.length >= quotes + 5 && line[quotes] == 'F' && line[quotes + 1] == 'r'
                && line[quotes + 2] == 'o' && line[quotes + 3] == 'm' && line[quotes + 4] == ' ') {
            return Arrays.copyOfRange(line, 1, line.length);
        }
        return line;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
