package dev.vellum.validation.container;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Unpacks the containers signed mail arrives in down to the CMS: DER/BER or PEM CMS
 * ({@code .p7m/.p7s}), S/MIME {@code multipart/signed} (RFC 1847, RFC 8551 §3.5) and
 * {@code application/pkcs7-mime} signed-data. For multipart/signed the signed content is the first
 * body part exactly as it stands, headers included, with line ends made CRLF (RFC 8551 §3.1.1;
 * STANDARDS.md §8 item 9: files kept LF-only must be canonicalised before verifying). Written by
 * hand because a MIME library re-encodes what it parses, and a signature needs the bytes as sent.
 */
public final class SignedFileReader {

    private static final int MAX_HEADER_BYTES = 1 << 20;

    private SignedFileReader() {
    }

    /** The CMS and signed content of {@code file}; {@code detached} is the content of a detached .p7s. */
    public static SignedFile read(byte[] file, Optional<byte[]> detached) {
        if (file == null || file.length == 0) {
            throw new FormatFailure("the file is empty");
        }
        if ((file[0] & 0xff) == 0x30) {
            return new SignedFile(isTimeStampResponse(file) ? "rfc3161-tsr" : "cms", file, detached);
        }
        String head = new String(file, 0, Math.min(file.length, 64), StandardCharsets.US_ASCII).trim();
        if (head.startsWith("-----BEGIN")) {
            return new SignedFile("cms-pem", pem(file), detached);
        }
        Optional<Mime> mime = Mime.parse(file);
        if (mime.isPresent()) {
            return fromMime(mime.get(), detached);
        }
        byte[] decoded = base64(file);
        if (decoded != null && decoded.length > 0 && (decoded[0] & 0xff) == 0x30) {
            return new SignedFile("cms-base64", decoded, detached);
        }
        throw new FormatFailure("the file is neither CMS (DER, PEM, base64) nor an S/MIME message");
    }

    private static SignedFile fromMime(Mime mime, Optional<byte[]> detached) {
        String type = mime.contentType();
        if (type.startsWith("multipart/signed")) {
            String boundary = mime.parameter("boundary")
                    .orElseThrow(() -> new FormatFailure("multipart/signed without a boundary parameter"));
            Multipart parts = Multipart.split(mime.body(), boundary);
            Mime signature = Mime.parse(parts.second())
                    .orElseThrow(() -> new FormatFailure("the signature part of the multipart/signed has no MIME headers"));
            byte[] cms = signature.decodedBody();
            if (cms.length == 0) {
                throw new FormatFailure("the signature part of the multipart/signed is empty");
            }
            return new SignedFile("smime-multipart-signed", cms, Optional.of(canonical(parts.first())));
        }
        if (type.startsWith("application/pkcs7-mime") || type.startsWith("application/x-pkcs7-mime")) {
            return new SignedFile("smime-opaque", mime.decodedBody(), detached);
        }
        if (type.startsWith("application/pkcs7-signature") || type.startsWith("application/x-pkcs7-signature")) {
            return new SignedFile("smime-signature", mime.decodedBody(), detached);
        }
        throw new FormatFailure("the message is " + (type.isEmpty() ? "not typed" : type)
                + ", not S/MIME signed (multipart/signed or application/pkcs7-mime)");
    }

    /** RFC 3161 TimeStampResp: SEQUENCE { PKIStatusInfo SEQUENCE { INTEGER ...}, token OPTIONAL }. */
    private static boolean isTimeStampResponse(byte[] der) {
        try {
            org.bouncycastle.asn1.ASN1Sequence seq = org.bouncycastle.asn1.ASN1Sequence.getInstance(der);
            return seq.size() >= 1 && seq.getObjectAt(0) instanceof org.bouncycastle.asn1.ASN1Sequence status
                    && status.size() >= 1 && status.getObjectAt(0) instanceof org.bouncycastle.asn1.ASN1Integer;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** LF and lone CR become CRLF; existing CRLF stay. */
    static byte[] canonical(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 40);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '\r') {
                out.write('\r');
                out.write('\n');
                if (i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
            } else if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static byte[] pem(byte[] file) {
        String text = new String(file, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN");
        int bodyStart = text.indexOf('\n', begin);
        int end = text.indexOf("-----END", bodyStart < 0 ? begin : bodyStart);
        if (bodyStart < 0 || end < 0) {
            throw new FormatFailure("the PEM block is not terminated");
        }
        byte[] decoded = base64(text.substring(bodyStart + 1, end).getBytes(StandardCharsets.US_ASCII));
        if (decoded == null) {
            throw new FormatFailure("the PEM block is not valid base64");
        }
        return decoded;
    }

    static byte[] base64(byte[] text) {
        StringBuilder clean = new StringBuilder(text.length);
        for (byte b : text) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=') {
                clean.append(c);
            } else if (!Character.isWhitespace(c)) {
                return null;
            }
        }
        try {
            return Base64.getDecoder().decode(clean.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The two body parts of a multipart/signed, raw. */
    record Multipart(byte[] first, byte[] second) {

        static Multipart split(byte[] body, String boundary) {
            byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
            int d1 = findDelimiter(body, delimiter, 0);
            if (d1 < 0) {
                throw new FormatFailure("multipart/signed body has no part delimited by boundary " + boundary);
            }
            int p1 = afterLine(body, d1);
            int d2 = findDelimiter(body, delimiter, p1);
            if (d2 < 0) {
                throw new FormatFailure("multipart/signed has only one part");
            }
            int p2 = afterLine(body, d2);
            int d3 = findDelimiter(body, delimiter, p2);
            if (d3 < 0) {
                d3 = body.length;
            }
            return new Multipart(slice(body, p1, lineEndBefore(body, d2)), slice(body, p2, lineEndBefore(body, d3)));
        }

        /** Index of a delimiter that starts a line, at or after {@code from}. */
        private static int findDelimiter(byte[] body, byte[] delimiter, int from) {
            outer:
            for (int i = from; i <= body.length - delimiter.length; i++) {
                if (i > 0 && body[i - 1] != '\n') {
                    continue;
                }
                for (int j = 0; j < delimiter.length; j++) {
                    if (body[i + j] != delimiter[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private static int afterLine(byte[] body, int i) {
            while (i < body.length && body[i] != '\n') {
                i++;
            }
            return Math.min(i + 1, body.length);
        }

        /** The CRLF/LF before a delimiter belongs to the delimiter (RFC 2046 §5.1.1). */
        private static int lineEndBefore(byte[] body, int delimiterStart) {
            int end = delimiterStart;
            if (end > 0 && body[end - 1] == '\n') {
                end--;
                if (end > 0 && body[end - 1] == '\r') {
                    end--;
                }
            }
            return end;
        }

        private static byte[] slice(byte[] b, int from, int to) {
            return java.util.Arrays.copyOfRange(b, from, Math.max(from, to));
        }
    }

    /** Headers and body of one MIME entity (only what signed-mail unpacking needs). */
    record Mime(Map<String, String> headers, byte[] body) {

        static Optional<Mime> parse(byte[] entity) {
            int limit = Math.min(entity.length, MAX_HEADER_BYTES);
            int end = -1;
            int bodyStart = -1;
            for (int i = 0; i < limit; i++) {
                if (entity[i] == '\n') {
                    if (i + 1 < entity.length && entity[i + 1] == '\n') {
                        end = i;
                        bodyStart = i + 2;
                        break;
                    }
                    if (i + 2 < entity.length && entity[i + 1] == '\r' && entity[i + 2] == '\n') {
                        end = i;
                        bodyStart = i + 3;
                        break;
                    }
                }
            }
            if (end < 0) {
                return Optional.empty();
            }
            String block = new String(entity, 0, end, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
            Map<String, String> headers = new LinkedHashMap<>();
            String current = null;
            for (String line : block.split("\n", -1)) {
                if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                    headers.merge(current, " " + line.trim(), String::concat);
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0 || line.substring(0, colon).contains(" ")) {
                    return Optional.empty(); // not a header block
                }
                current = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                headers.putIfAbsent(current, line.substring(colon + 1).trim());
            }
            if (!headers.containsKey("content-type") && !headers.containsKey("mime-version")) {
                return Optional.empty();
            }
            return Optional.of(new Mime(headers, java.util.Arrays.copyOfRange(entity, bodyStart, entity.length)));
        }

        String contentType() {
            return headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT).trim();
        }

        Optional<String> parameter(String name) {
            String value = headers.getOrDefault("content-type", "");
            for (String part : value.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(name)) {
                    String v = part.substring(eq + 1).trim();
                    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                        v = v.substring(1, v.length() - 1);
                    }
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }

        byte[] decodedBody() {
            String cte = headers.getOrDefault("content-transfer-encoding", "").toLowerCase(Locale.ROOT).trim();
            if (cte.equals("base64")) {
                byte[] d = base64(body);
                if (d == null) {
                    throw new FormatFailure("the S/MIME part is declared base64 but is not valid base64");
                }
                return d;
            }
            return body.clone();
        }
    }
}
