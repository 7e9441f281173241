package dev.vellum.formats.container;

import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.InputStream;

/**
 * A shared byte-array stream whose sub-streams remember their absolute offsets in the whole
 * message. Jakarta Mail parses the MIME structure; this lets us learn where a part's body lies so
 * that an extended CMS can replace exactly those bytes and nothing else.
 */
public final class PositionedStream extends SharedByteArrayInputStream {

    public PositionedStream(byte[] buf) {
        super(buf);
    }

    private PositionedStream(byte[] buf, int offset, int length) {
        super(buf, offset, length);
    }

    /** A stream over {@code buf[from, to)} that reports offsets in {@code buf}. */
    static PositionedStream range(byte[] buf, int from, int to) {
        return new PositionedStream(buf, from, to - from);
    }

    /** Offset of this stream's first byte in the whole message. */
    public int absoluteStart() {
        return start;
    }

    /** Offset just past this stream's last byte in the whole message. */
    public int absoluteEnd() {
        return count;
    }

    /** The whole message this stream is a window of (shared, not copied). */
    byte[] message() {
        return buf;
    }

    @Override
    public InputStream newStream(long from, long to) {
        if (from < 0) {
            throw new IllegalArgumentException("start < 0");
        }
        if (to == -1) {
            to = count - start;
        }
        return new PositionedStream(buf, start + (int) from, (int) (to - from));
    }
}
