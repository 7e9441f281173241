package dev.vellum.formats.container;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a multipart body held in memory into its body parts, giving the same parts as Jakarta
 * Mail's {@code MimeMultipart}: a hand-written fast path, because Jakarta's general parser
 * reads the body through a mark/reset stream one boundary-sized window at a time, copies what it
 * skips and re-reads it on every reset, which was about 40 % of validating an S/MIME message. Here
 * the delimiters are found with one Horspool search over the message array and every part is a
 * window of that array (nothing is copied); each part's headers are still read by Jakarta Mail.
 *
 * <p>The delimiter rules are RFC 2046 §5.1.1 as Jakarta applies them: a delimiter is "--boundary"
 * at the start of the body or after a line break, followed by "--" (the close delimiter) or by
 * optional transport padding (spaces, tabs) and a line break; the line break before it belongs to
 * the delimiter; the preamble is matched line by line and the epilogue is ignored. Anything unusual
 * (no or a non-ASCII boundary parameter, no start or close delimiter, a part without a blank line
 * after its headers, a bare CR where Jakarta would take it for a line break, a system property that
 * changes Jakarta's parsing) gives {@link Optional#empty()}: the caller then parses with Jakarta
 * Mail, so results and error messages stay Jakarta's.
 */
public final class MultipartSplitter {

    /**
     * One body part: the part as Jakarta Mail sees it, and where it lies in the message.
     *
     * @param part the body part (its headers parsed, its content a window of {@code message})
     * @param message the whole message
     * @param start offset of the part's first header byte
     * @param end offset just past its body (the line break before the next delimiter excluded)
     */
    public record RawPart(MimeBodyPart part, byte[] message, int start, int end) {
    }

    private MultipartSplitter() {
    }

    /** The body parts of {@code part}, whose parsed Content-Type is {@code type}; empty if unusual. */
    public static Optional<List<RawPart>> split(MimePart part, ContentType type) {
        if (!type.getPrimaryType().equalsIgnoreCase("multipart") || jakartaParsesDifferently()) {
            return Optional.empty();
        }
        try {
            InputStream raw = part instanceof MimeBodyPart b ? b.getRawInputStream()
                    : part instanceof MimeMessage m ? m.getRawInputStream() : null;
            if (!(raw instanceof PositionedStream body)) {
                return Optional.empty();
            }
            // Jakarta reads the encoding first and ignores it for multiparts (RFC 2045 §6.4); a malformed one is its error
            part.getEncoding();
            byte[] delimiter = delimiter(type.getParameter("boundary"));
            if (delimiter == null) {
                return Optional.empty();
            }
            List<int[]> ranges = ranges(body.message(), body.absoluteStart(), body.absoluteEnd(), delimiter);
            if (ranges == null) {
                return Optional.empty();
            }
            List<RawPart> parts = new ArrayList<>(ranges.size());
            for (int[] r : ranges) {
                parts.add(new RawPart(new MimeBodyPart(PositionedStream.range(body.message(), r[0], r[1])),
                        body.message(), r[0], r[1]));
            }
            return Optional.of(parts);
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean jakartaParsesDifferently() {
        return Boolean.getBoolean("mail.mime.multipart.ignoreexistingboundaryparameter")
                || "false".equalsIgnoreCase(System.getProperty("mail.mime.ignoremultipartencoding"));
    }

    /** "--" + boundary as bytes, or null for a missing, empty or non-ASCII boundary. */
    private static byte[] delimiter(String boundary) {
        if (boundary == null || boundary.isEmpty()) {
            return null;
        }
        byte[] d = new byte[boundary.length() + 2];
        d[0] = '-';
        d[1] = '-';
        for (int i = 0; i < boundary.length(); i++) {
            char c = boundary.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return null;
            }
            d[i + 2] = (byte) c;
        }
        return d;
    }

    /** The [start, end) of every body part of the multipart body buf[from, to), or null if unusual. */
    static List<int[]> ranges(byte[] buf, int from, int to, byte[] delimiter) {
        int pos = firstPartStart(buf, from, to, delimiter);
        if (pos < 0) {
            return null;
        }
        Finder finder = new Finder(delimiter);
        List<int[]> out = new ArrayList<>(2);
        while (true) {
            int start = pos;
            int bodyStart = skipHeaders(buf, pos, to);
            if (bodyStart < 0) {
                return null;
            }
            int p = bodyStart;
            while (true) {
                int m = finder.find(buf, p, to);
                if (m < 0) {
                    return null; // no close delimiter: Jakarta keeps a truncated last part
                }
                int eol;
                if (m == bodyStart) {
                    eol = 0;
                } else if (buf[m - 1] == '\n') {
                    eol = m - 2 >= bodyStart && buf[m - 2] == '\r' ? 2 : 1;
                } else if (buf[m - 1] == '\r') {
                    return null; // a bare CR that Jakarta would take for a line break
                } else {
                    p = m + 1;
                    continue;
                }
                int q = m + delimiter.length;
                if (q < to && buf[q] == '-') {
                    if (q + 1 < to && buf[q + 1] == '-') {
                        out.add(new int[] {start, m - eol});
                        return out; // close delimiter; the epilogue is ignored (RFC 2046 §5.1.1)
                    }
                    p = m + 1;
                    continue;
                }
                while (q < to && (buf[q] == ' ' || buf[q] == '\t')) {
                    q++; // transport padding
                }
                if (q < to && buf[q] == '\n') {
                    pos = q + 1;
                } else if (q + 1 < to && buf[q] == '\r' && buf[q + 1] == '\n') {
                    pos = q + 2;
                } else if (q < to && buf[q] == '\r') {
                    return null;
                } else {
                    p = m + 1;
                    continue;
                }
                out.add(new int[] {start, m - eol});
                break;
            }
        }
    }

    /** Just past the first delimiter line, matched line by line through the preamble; -1 if none. */
    private static int firstPartStart(byte[] buf, int from, int to, byte[] delimiter) {
        int pos = from;
        while (pos < to) {
            int nl = indexOf(buf, (byte) '\n', pos, to);
            int next = nl < 0 ? to : nl + 1;
            int lineEnd = nl < 0 ? to : nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
            if (indexOf(buf, (byte) '\r', pos, lineEnd) >= 0) {
                return -1;
            }
            int t = lineEnd;
            while (t > pos && (buf[t - 1] == ' ' || buf[t - 1] == '\t')) {
                t--;
            }
            if (startsWith(buf, pos, t, delimiter)) {
                if (t - pos == delimiter.length) {
                    return next;
                }
                if (t - pos == delimiter.length + 2 && buf[t - 2] == '-' && buf[t - 1] == '-') {
                    return -1; // close delimiter before any part
                }
            }
            pos = next;
        }
        return -1;
    }

    /** Just past the blank line ending a part's headers (read line by line, as Jakarta does); -1 if none. */
    private static int skipHeaders(byte[] buf, int pos, int to) {
        while (true) {
            int nl = indexOf(buf, (byte) '\n', pos, to);
            if (nl < 0) {
                return -1;
            }
            int lineEnd = nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
            if (indexOf(buf, (byte) '\r', pos, lineEnd) >= 0) {
                return -1;
            }
            boolean empty = lineEnd == pos;
            pos = nl + 1;
            if (empty) {
                return pos;
            }
        }
    }

    private static boolean startsWith(byte[] buf, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] buf, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Boyer-Moore-Horspool search for one delimiter: finds every occurrence, in order. */
    private static final class Finder {
        private final byte[] pattern;
        private final int[] shift = new int[256];

        Finder(byte[] pattern) {
            this.pattern = pattern;
            java.util.Arrays.fill(shift, pattern.length);
            for (int i = 0; i < pattern.length - 1; i++) {
                shift[pattern[i] & 0xFF] = pattern.length - 1 - i;
            }
        }

        int find(byte[] buf, int from, int to) {
            int last = pattern.length - 1;
            int i = from;
            while (i + last < to) {
                byte b = buf[i + last];
                if (b == pattern[last] && matchesAt(buf, i)) {
                    return i;
                }
                i += shift[b & 0xFF];
            }
            return -1;
        }

        private boolean matchesAt(byte[] buf, int at) {
            for (int j = 0; j < pattern.length - 1; j++) {
                if (buf[at + j] != pattern[j]) {
                    return false;
                }
            }
            return true;
        }
    }
}
