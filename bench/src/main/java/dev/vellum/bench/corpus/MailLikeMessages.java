package dev.vellum.bench.corpus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Mail-like MIME entities of about 50 KB: a multipart/mixed with a quoted-printable text part
 * (about 12 KB of prose) and a base64 attachment (about 28 KB of binary), each message different.
 */
public final class MailLikeMessages {
    private static final String[] WORDS = ("the board approved minutes budget archive retention signed contract "
            + "invoice delivery schedule quarterly review records department auditor evidence policy long term "
            + "validation certificate renewal meeting agenda").split(" ");

    private MailLikeMessages() {
    }

    /** The signed MIME entity of message {@code index} (CRLF line ends, canonical form). */
    public static byte[] entity(int index) {
        SplittableRandom random = new SplittableRandom(20261206L + index);
        String boundary = "----=_Part_" + index + "_" + Long.toHexString(random.nextLong());
        StringBuilder text = new StringBuilder();
        StringBuilder line = new StringBuilder();
        while (text.length() < 12_000) {
            line.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            if (line.length() > 68) {
                text.append(line.toString().trim()).append("\r\n");
                line.setLength(0);
            }
        }
        byte[] attachment = new byte[28_000];
        random.nextBytes(attachment);
        String b64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(attachment);
        String entity = "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
                + "Message " + index + ".\r\n\r\n" + text
                + "--" + boundary + "\r\n"
                + "Content-Type: application/octet-stream; name=\"record-" + index + ".bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"record-" + index + ".bin\"\r\n\r\n"
                + b64 + "\r\n"
                + "--" + boundary + "--\r\n";
        return entity.getBytes(StandardCharsets.US_ASCII);
    }
}
