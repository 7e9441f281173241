package dev.vellum.app.ingest.inspect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import dev.vellum.app.store.ItemFormat;
import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;

/**
 * Reads what the archive index needs from a message (Message-ID, From, Date, Subject with Jakarta
 * Mail; the number of signatures with es-formats' reader), refusing input that is not a message at
 * all. The MIME walk here only enforces the depth and part limits before any parser recurses.
 *
 * <p>It concludes nothing about validity: a signature part that cannot be parsed is noted and left
 * to validation, which reports it with the standard's indication. Only input that is not a message
 * (empty, binary, no header block, nesting beyond the limits) is refused, for quarantine.
 */
public final class MessageInspector {
    private final InspectionLimits limits;
    private final Session session;

    public MessageInspector(InspectionLimits limits) {
        this.limits = limits;
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        dev.vellum.formats.container.MailStreamProviderSetting.apply();
        this.session = Session.getInstance(properties);
    }

    public InspectedMessage inspect(ItemFormat format, byte[] bytes) {
        if (bytes.length == 0) {
            throw new UnreadableInputException("empty file");
        }
        return switch (format) {
            case MIME -> inspectMime(bytes);
            case CMS_ENVELOPING, CMS_DETACHED -> inspectCms(format, bytes);
        };
    }

    private InspectedMessage inspectMime(byte[] bytes) {
        HeaderBlock.check(bytes, limits.maxHeaderBytes());
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(bytes));
            Walk walk = new Walk();
            walk.part(message, 0);
            int signers = walk.signatureParts == 0 ? 0 : signatures(bytes, walk.notes);
            return new InspectedMessage(messageId(message), from(message), subject(message), sentAt(message),
                    signers, walk.notes.isEmpty() ? null : String.join("; ", walk.notes));
        } catch (MessagingException | IOException e) {
            throw new UnreadableInputException("not a readable MIME message: " + e.getMessage(), e);
        }
    }

    private InspectedMessage inspectCms(ItemFormat format, byte[] bytes) {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(derOrBase64(bytes));
        } catch (CMSException | RuntimeException e) {
            throw new UnreadableInputException("not a CMS SignedData (" + reason(e) + ")", e);
        }
        List<String> notes = new ArrayList<>();
        int signers = format == ItemFormat.CMS_DETACHED ? signed.getSignerInfos().size() : signatures(bytes, notes);
        String note = notes.isEmpty() ? null : String.join("; ", notes);
        if (format == ItemFormat.CMS_DETACHED && signed.getSignedContent() != null) {
            note = "the .p7s carries its content (not detached)";
        }
        // An enveloping signature over a mail message: index the message's headers.
        if (signed.getSignedContent() != null && signed.getSignedContent().getContent() instanceof byte[] content
                && content.length > 0) {
            try {
                HeaderBlock.check(content, limits.maxHeaderBytes());
                MimeMessage inner = new MimeMessage(session, new ByteArrayInputStream(content));
                return new InspectedMessage(messageId(inner), from(inner), subject(inner), sentAt(inner), signers, note);
            } catch (UnreadableInputException | MessagingException e) {
                // the content is not a mail message; that is fine for a .p7m
            }
        }
        return new InspectedMessage(null, null, null, null, signers, note);
    }

    /**
     * The number of signatures es-formats reads in the message (countersignatures and signatures of
     * nested documents included); 0 with a note when it cannot read them (validation reports why).
     */
    private static int signatures(byte[] bytes, List<String> notes) {
        try {
            return count(new SignedDocumentReader().read(bytes));
        } catch (SignatureFormatException | IllegalArgumentException e) {
            notes.add("signature not readable (" + reason(e) + ")");
            return 0;
        }
    }

    private static int count(SignedDocument document) {
        int n = document.allSignatures().size();
        for (SignedDocument nested : document.nestedDocuments()) {
            n += count(nested);
        }
        return n;
    }

    /** Some tools write .p7m/.p7s as base64 text rather than DER. */
    private static byte[] derOrBase64(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == 0x30) {
            return bytes;
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z0-9 ]+-----", "").replaceAll("\\s", "");
        try {
            return java.util.Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new UnreadableInputException("neither DER (does not start with a SEQUENCE) nor base64 text");
        }
    }

    /** Walks the MIME tree within the limits, counting SignerInfos in every signature found. */
    private final class Walk {
        int parts;
        int signatureParts;
        final List<String> notes = new ArrayList<>();

        void part(Part part, int depth) throws MessagingException, IOException {
            if (++parts > limits.maxMimeParts()) {
                throw new UnreadableInputException("more than " + limits.maxMimeParts() + " MIME parts");
            }
            if (depth > limits.maxMimeDepth()) {
                throw new UnreadableInputException("MIME nesting deeper than " + limits.maxMimeDepth()
                        + " levels (a MIME bomb?)");
            }
            String type = baseType(part);
            if (type.startsWith("multipart/")) {
                Object content = part.getContent();
                if (!(content instanceof Multipart multipart)) {
                    notes.add(type + " part without a multipart body");
                    return;
                }
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    if (type.equals("multipart/signed") && isSignatureType(baseType(child))) {
                        signature(child, false);
                    } else {
                        part(child, depth + 1);
                    }
                }
            } else if (type.equals("application/pkcs7-mime") || type.equals("application/x-pkcs7-mime")) {
                signature(part, true);
            } else if (type.equals("message/rfc822")) {
                Object content = part.getContent();
                if (content instanceof Part inner) {
                    part(inner, depth + 1);
                }
            }
        }

        /** Notes what the signature part is; es-formats does the counting. */
        private void signature(Part part, boolean enveloping) throws MessagingException, IOException {
            signatureParts++;
            byte[] der;
            try (InputStream in = part.getInputStream()) {
                der = in.readAllBytes();
            }
            ASN1ObjectIdentifier contentType;
            try {
                contentType = ContentInfo.getInstance(ASN1Primitive.fromByteArray(der)).getContentType();
            } catch (IOException | RuntimeException e) {
                notes.add("signature part is not readable CMS (" + reason(e) + ")");
                return;
            }
            if (CMSObjectIdentifiers.envelopedData.equals(contentType)) {
                notes.add("encrypted (CMS EnvelopedData): signatures inside cannot be read without the recipient's key");
            } else if (CMSObjectIdentifiers.compressedData.equals(contentType)) {
                notes.add("compressed (RFC 3274): signatures inside are not counted here");
            } else if (!CMSObjectIdentifiers.signedData.equals(contentType)) {
                notes.add("signature part has unexpected CMS content type " + contentType);
            }
        }
    }

    private static boolean isSignatureType(String type) {
        return type.equals("application/pkcs7-signature") || type.equals("application/x-pkcs7-signature");
    }

    private static String baseType(Part part) throws MessagingException {
        String header = part.getContentType();
        if (header == null) {
            return "text/plain";
        }
        try {
            return new ContentType(header).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            return header.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String from(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            if (from != null && from.length > 0) {
                return from[0] instanceof InternetAddress address ? address.toUnicodeString() : from[0].toString();
            }
            return null;
        } catch (MessagingException e) {
            try {
                String raw = message.getHeader("From", ", ");
                return raw == null ? null : MimeUtility.decodeText(raw);
            } catch (MessagingException | java.io.UnsupportedEncodingException inner) {
                return null;
            }
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static Instant sentAt(MimeMessage message) {
        try {
            Date date = message.getSentDate();
            return date == null ? null : date.toInstant();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
