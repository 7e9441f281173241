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
 * the dashes that may start a delimiter are found with a word-wise scan of the message array
 * (they are rare in mail), a delimiter is taken only at the start of a line, and every part is a
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
        List<int[]> out = new ArrayList<>(2);
        while (pos >= 0) {
            int start = pos;
            int bodyStart = skipHeaders(buf, pos, to);
            if (bodyStart < 0) {
                return null;
            }
            int next = -1;
            int end = bodyStart;
            for (int k = bodyStart; next == -1; k++) {
                k = ByteScan.indexOf(buf, (byte) '-', k, to);
                if (k < 0) {
                    return null; // no close delimiter: Jakarta keeps a truncated last part
                }
                if (k == bodyStart) {
                    end = k; // a delimiter right at the body start needs no line break (Jakarta's first window)
                } else if (buf[k - 1] == '\n') {
                    end = k - 2 >= bodyStart && buf[k - 2] == '\r' ? k - 2 : k - 1; // the line break belongs to the delimiter
                } else if (buf[k - 1] == '\r') {
                    if (delimiterEnd(buf, k, to, delimiter) != -1) {
                        return null; // a bare CR that Jakarta would take for a line break
                    }
                    continue;
                } else {
                    continue;
                }
                next = delimiterEnd(buf, k, to, delimiter);
            }
            if (next == -3) {
                return null;
            }
            out.add(new int[] {start, end});
            if (next == -2) {
                return out; // close delimiter; the epilogue is ignored (RFC 2046 §5.1.1)
            }
            pos = next;
        }
        return null;
    }

    /**
     * Whether a delimiter line starts at {@code at}: -1 if not, -2 for the close delimiter, -3 for
     * one ended by a bare CR (unusual), else the offset just past its line break. Transport padding
     * (spaces, tabs) may follow the boundary.
     */
    private static int delimiterEnd(byte[] buf, int at, int to, byte[] delimiter) {
        if (!startsWith(buf, at, to, delimiter)) {
            return -1;
        }
        int q = at + delimiter.length;
        if (q < to && buf[q] == '-') {
            return q + 1 < to && buf[q + 1] == '-' ? -2 : -1;
        }
        while (q < to && (buf[q] == ' ' || buf[q] == '\t')) {
            q++;
        }
        if (q < to && buf[q] == '\n') {
            return q + 1;
        }
        if (q < to && buf[q] == '\r') {
            return q + 1 < to && buf[q + 1] == '\n' ? q + 2 : -3;
        }
        return -1;
    }

    /** Just past the first delimiter line, matched line by line through the preamble; -1 if none. */
    private static int firstPartStart(byte[] buf, int from, int to, byte[] delimiter) {
        int pos = from;
        while (pos < to) {
            int lineEnd = lineEnd(buf, pos, to);
            if (lineEnd < -1) {
                return -1;
            }
            int next = lineEnd < 0 ? to : buf[lineEnd] == '\r' ? lineEnd + 2 : lineEnd + 1;
            int t = lineEnd < 0 ? to : lineEnd;
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
            int lineEnd = lineEnd(buf, pos, to);
            if (lineEnd < 0) {
                return -1;
            }
            boolean empty = lineEnd == pos;
            pos = buf[lineEnd] == '\r' ? lineEnd + 2 : lineEnd + 1;
            if (empty) {
                return pos;
            }
        }
    }

    /** Where the line at {@code pos} ends (its CRLF or LF), -1 at the end of input, -2 at a bare CR. */
    private static int lineEnd(byte[] buf, int pos, int to) {
        int k = ByteScan.indexOfLfOrCr(buf, pos, to);
        if (k >= 0 && buf[k] == '\r' && (k + 1 >= to || buf[k + 1] != '\n')) {
            return -2;
        }
        return k;
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
}
