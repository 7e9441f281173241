package dev.vellum.formats.container;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The two byte strings S/MIME verification needs, taken straight from the message array instead of
 * through Jakarta Mail's streams (which re-assemble the headers line by line and decode base64 a
 * byte at a time): the signed entity of multipart/signed and the decoded body holding the CMS. Each
 * gives exactly what the Jakarta Mail route gives, or {@link Optional#empty()} when the input is
 * unusual and the caller must take that route.
 */
public final class SmimePartBytes {
    private static final byte[] BASE64 = new byte[256];

    static {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = 1;
        }
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
     * binary or none as it is, base64 with the JDK's MIME decoder. Empty for any other encoding,
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
            } else if (cte.equalsIgnoreCase("base64") && strictBase64(buf, from, to)) {
                ByteBuffer decoded = Base64.getMimeDecoder().decode(ByteBuffer.wrap(buf, from, to - from));
                out = Arrays.copyOfRange(decoded.array(), decoded.arrayOffset() + decoded.position(),
                        decoded.arrayOffset() + decoded.limit());
            } else {
                return Optional.empty();
            }
            return out.length > maxBytes ? Optional.empty() : Optional.of(out);
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Base64 (RFC 2045 §6.8) whose every decoder agrees: alphabet characters in groups of four, at
     * most two '=' only at the very end, and nothing else but line breaks, spaces and tabs.
     */
    private static boolean strictBase64(byte[] buf, int from, int to) {
        int symbols = 0;
        int pad = 0;
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b >= 0 && BASE64[b] != 0) {
                if (pad > 0) {
                    return false;
                }
                symbols++;
            } else if (b == '=') {
                if (++pad > 2 || pad == 2 && buf[i - 1] != '=') {
                    return false;
                }
            } else if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                return false;
            }
        }
        return (symbols + pad) % 4 == 0;
    }
}
