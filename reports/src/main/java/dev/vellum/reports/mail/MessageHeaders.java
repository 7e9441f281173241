package dev.vellum.reports.mail;

import dev.vellum.reports.model.MessageInfo;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads the Subject, From, To, Date and Message-ID of a message for a report, with RFC 2047
 * encoded words decoded. Only the header block is parsed (at most {@link #MAX_HEADER_BYTES}); input
 * that is not a message (a .p7m, garbage) gives {@link MessageInfo#none()}, never an exception.
 */
public final class MessageHeaders {

    public static final int MAX_HEADER_BYTES = 256 * 1024;

    private MessageHeaders() {
    }

    public static MessageInfo read(byte[] message) {
        if (message == null || message.length == 0 || !looksLikeHeaders(message)) {
            return MessageInfo.none();
        }
        try {
            byte[] head = Arrays.copyOf(message, Math.min(message.length, MAX_HEADER_BYTES));
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(head), true);
            return new MessageInfo(text(headers.getHeader("Subject", null)), addresses(headers.getHeader("From", ",")),
                    addresses(headers.getHeader("To", ",")), date(headers.getHeader("Date", null)),
                    trimmed(headers.getHeader("Message-ID", null)));
        } catch (MessagingException | RuntimeException e) {
            return MessageInfo.none();
        }
    }

    /** The first line must be a header field (name, colon): CMS DER starts with 0x30 and is not. */
    private static boolean looksLikeHeaders(byte[] message) {
        int i = 0;
        while (i < message.length && i < 1000) {
            byte b = message[i];
            if (b == ':') {
                return i > 0;
            }
            if (b < 33 || b > 126) {
                return false;
            }
            i++;
        }
        return false;
    }

    private static String text(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(raw)).strip();
        } catch (UnsupportedEncodingException e) {
            return MimeUtility.unfold(raw).strip();
        }
    }

    private static String addresses(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(MimeUtility.unfold(raw), false);
            if (parsed.length == 0) {
                return text(raw);
            }
            return Arrays.stream(parsed).map(InternetAddress::toUnicodeString).collect(Collectors.joining(", "));
        } catch (MessagingException e) {
            return text(raw);
        }
    }

    private static Instant date(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return new MailDateFormat().parse(MimeUtility.unfold(raw).strip()).toInstant();
        } catch (ParseException e) {
            return null;
        }
    }

    private static String trimmed(String raw) {
        return raw == null ? null : MimeUtility.unfold(raw).strip();
    }
}
