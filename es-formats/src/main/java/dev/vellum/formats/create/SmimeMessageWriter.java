package dev.vellum.formats.create;

import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.container.PositionedStream;
import dev.vellum.timestamping.DigestAlgorithm;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Writes S/MIME multipart/signed messages with Jakarta Mail (RFC 8551 §3.5.3). */
public final class SmimeMessageWriter {
    private static final Session SESSION = session();

    private static Session session() {
        dev.vellum.formats.container.MailStreamProviderSetting.apply();
        return Session.getInstance(new Properties());
    }

    /** Outer message headers (From, To, Subject, ...), none signed. */
    public record Headers(Map<String, String> values) {
        public Headers {
            values = new LinkedHashMap<>(values);
        }

        public static Headers none() {
            return new Headers(Map.of());
        }
    }

    private SmimeMessageWriter() {
    }

    /**
     * @param canonicalEntity the signed MIME entity in CRLF form, written unchanged as the first part
     */
    public static byte[] multipartSigned(byte[] canonicalEntity, byte[] p7s, DigestAlgorithm digest, Headers headers,
                                         Clock clock) {
        try {
            MimeBodyPart signed = new MimeBodyPart(new PositionedStream(canonicalEntity));
            MimeBodyPart signature = new MimeBodyPart();
            signature.setDataHandler(new jakarta.activation.DataHandler(
                    new jakarta.mail.util.ByteArrayDataSource(p7s, "application/pkcs7-signature")));
            signature.setHeader("Content-Type", "application/pkcs7-signature; name=smime.p7s; smime-type=signed-data");
            signature.setHeader("Content-Transfer-Encoding", "base64");
            signature.setDisposition("attachment; filename=smime.p7s");
            ContentType type = new ContentType("multipart/signed");
            type.setParameter("protocol", "application/pkcs7-signature");
            type.setParameter("micalg", micalg(digest));
            MimeMultipart multipart = new MimeMultipart("signed");
            multipart.addBodyPart(signed);
            multipart.addBodyPart(signature);
            MimeMessage message = new MimeMessage(SESSION);
            for (Map.Entry<String, String> h : headers.values().entrySet()) {
                message.setHeader(h.getKey(), h.getValue());
            }
            message.setSentDate(Date.from(clock.instant()));
            message.setContent(multipart);
            String boundary = new ContentType(multipart.getContentType()).getParameter("boundary");
            type.setParameter("boundary", boundary);
            message.setHeader("Content-Type", type.toString());
            message.saveChanges();
            message.setHeader("Content-Type", type.toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new SignatureFormatException("cannot write the S/MIME message: " + e.getMessage(), e);
        }
    }

    /** RFC 5751 §3.4.3.2 micalg names. */
    static String micalg(DigestAlgorithm digest) {
        return switch (digest) {
            case SHA1 -> "sha-1";
            case SHA224 -> "sha-224";
            case SHA256 -> "sha-256";
            case SHA384 -> "sha-384";
            case SHA512 -> "sha-512";
            default -> "unknown";
        };
    }

    /** Base64 in 76-character CRLF lines, as the signature part body. */
    public static String base64Lines(byte[] data) {
        return Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(data) + "\r\n";
    }
}
