package dev.vellum.formats.container;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The two byte strings S/MIME verification needs, taken straight from the message array instead of
 * through Jakarta Mail's streams (which re-assemble the headers line by line and decode base64 a
 * byte at a time through two stream layers): the signed entity of multipart/signed and the decoded body holding the CMS. Each
 * gives exactly what the Jakarta Mail route gives, or {@link Optional#empty()} when the input is
 * unusual and the caller must take that route.
 */
public final class SmimePartBytes {
    private static final int INVALID = -1;
    private static final int SPACE = -2;
    private static final int PAD = -3;
    /** Base64 value of each byte (RFC 2045 §6.8 Table 1), or INVALID, SPACE (CR, LF, SP, TAB) or PAD ('='). */
    private static final int[] BASE64 = new int[256];

    static {
        java.util.Arrays.fill(BASE64, INVALID);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = i;
        }
        for (char c : new char[] {'\r', '\n', ' ', '\t'}) {
            BASE64[c] = SPACE;
        }
        BASE64['='] = PAD;
    }

    private SmimePartBytes() {
    }

    /**
     * The first part of multipart/signed as signed (RFC 8551 §3.1.1, RFC 1847 §2.1): its header lines,
     * the blank line and its body up to the line break before the next delimiter, every line ending
     * in CRLF; a body with Content-Transfer-Encoding binary is kept as it is. Jakarta Mail rebuilds the
     * header lines from its parsed headers; for ASCII headers without a bare CR that is the
     * canonicalised header bytes themselves, so they are copied once with the body.
     */
    public static Optional<byte[]> signedEntity(MultipartSplitter.RawPart signed) {
        try {
            if (!(signed.part().getRawInputStream() instanceof PositionedStream body)) {
                return Optional.empty();
            }
            byte[] buf = signed.message();
            int start = signed.start();
            int bodyStart = body.absoluteStart();
            int end = body.absoluteEnd();
            if (bodyStart <= start || bodyStart > end || buf[start] == ' ' || buf[start] == '\t'
                    || !plainHeaderBytes(buf, start, bodyStart)) {
                return Optional.empty(); // Jakarta would trim, drop or re-decode some header bytes
            }
            String cte = signed.part().getEncoding();
            if (cte != null && cte.trim().equalsIgnoreCase("binary")) {
                byte[] headers = CrlfCanonicalizer.canonicalize(Arrays.copyOfRange(buf, start, bodyStart));
                byte[] out = Arrays.copyOf(headers, headers.length + end - bodyStart);
                System.arraycopy(buf, bodyStart, out, headers.length, end - bodyStart);
                return Optional.of(out);
            }
            return Optional.of(CrlfCanonicalizer.canonicalize(Arrays.copyOfRange(buf, start, end)));
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** ASCII only, and every CR followed by LF. */
    private static boolean plainHeaderBytes(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b < 0 || b == '\r' && (i + 1 >= to || buf[i + 1] != '\n')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The body of {@code part} with its Content-Transfer-Encoding undone (RFC 2045 §6): 7bit, 8bit,
     * binary or none as it is, strict base64 decoded here. Empty for any other encoding,
     * base64 that is not strictly well formed, a multipart or message part (whose encoding Jakarta
     * ignores), or a body of more than {@code maxBytes}.
     */
    public static Optional<byte[]> decodedBody(MimePart part, long maxBytes) {
        try {
            InputStream raw = part instanceof MimeBodyPart b ? b.getRawInputStream()
                    : part instanceof MimeMessage m ? m.getRawInputStream() : null;
            if (!(raw instanceof PositionedStream body)) {
                return Optional.empty();
            }
            String primary = new ContentType(Optional.ofNullable(part.getContentType()).orElse("text/plain")).getPrimaryType();
            if (primary.equalsIgnoreCase("multipart") || primary.equalsIgnoreCase("message")) {
                return Optional.empty();
            }
            byte[] buf = body.message();
            int from = body.absoluteStart();
            int to = body.absoluteEnd();
            String cte = part.getEncoding();
            byte[] out;
            if (cte == null || cte.equalsIgnoreCase("7bit") || cte.equalsIgnoreCase("8bit") || cte.equalsIgnoreCase("binary")) {
                out = Arrays.copyOfRange(buf, from, to);
            } else if (cte.equalsIgnoreCase("base64")) {
                out = strictBase64(buf, from, to);
                if (out == null) {
                    return Optional.empty();
                }
            } else {
                return Optional.empty();
            }
            return out.length > maxBytes ? Optional.empty() : Optional.of(out);
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Decodes base64 (RFC 2045 §6.8) in one pass, or gives null unless it is the strict form that
     * every decoder reads alike: alphabet characters in groups of four, at most two '=' together only
     * at the very end, and nothing else but line breaks, spaces and tabs. (The JDK's MIME decoder
     * would take two passes of its own after this check; Jakarta Mail's is lenient differently.)
     */
    private static byte[] strictBase64(byte[] buf, int from, int to) {
        byte[] out = new byte[(to - from) / 4 * 3];
        int o = 0;
        int bits = 0;
        int symbols = 0;
        int i = from;
        for (; i < to; i++) {
            int v = BASE64[buf[i] & 0xFF];
            if (v >= 0) {
                bits = bits << 6 | v;
                if (++symbols == 4) {
                    out[o] = (byte) (bits >> 16);
                    out[o + 1] = (byte) (bits >> 8);
                    out[o + 2] = (byte) bits;
                    o += 3;
                    symbols = 0;
                    bits = 0;
                }
            } else if (v == PAD) {
                break;
            } else if (v != SPACE) {
                return null;
            }
        }
        if (i < to) {
            if (symbols == 2 && i + 1 < to && buf[i + 1] == '=') {
                out[o++] = (byte) (bits >> 4);
                i += 2;
            } else if (symbols == 3) {
                out[o++] = (byte) (bits >> 10);
                out[o++] = (byte) (bits >> 2);
                i += 1;
            } else {
                return null;
            }
            for (; i < to; i++) {
                if (BASE64[buf[i] & 0xFF] != SPACE) {
                    return null;
                }
            }
        } else if (symbols != 0) {
            return null;
        }
        return o == out.length ? out : Arrays.copyOf(out, o);
    }
}
