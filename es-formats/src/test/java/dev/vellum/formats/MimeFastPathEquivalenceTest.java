package dev.vellum.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.formats.container.MultipartSplitter;
import dev.vellum.formats.container.PositionedStream;
import dev.vellum.formats.container.SmimePartBytes;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.create.SmimeMessageWriter;
import dev.vellum.formats.support.Pki;
import dev.vellum.testkit.corpus.Corpus;
import dev.vellum.testkit.pki.KeyType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written MIME fast path must be invisible: for every .eml of the corpora, for messages
 * signed here, and for thousands of damaged variants of them, the reader with the fast path and the
 * reader parsing everything with Jakarta Mail give the same documents (container type, wrappers,
 * byte-identical signed content and CMS, where the CMS sits in the message, nested documents) or
 * the same error message.
 */
class MimeFastPathEquivalenceTest {
    private static final SignedDocumentReader FAST = new SignedDocumentReader();
    private static final SignedDocumentReader JAKARTA = FAST.jakartaMimeOnly();

    static List<byte[]> messages() {
        List<byte[]> out = new ArrayList<>();
        Corpus.openSslCases().stream().filter(c -> c.fileName().endsWith(".eml"))
                .forEach(c -> out.add(Corpus.bytes(c.corpusPath())));
        for (String f : List.of("4.8.eml", "4.9.eml", "5.3.eml")) {
            out.add(Corpus.bytes("rfc4134/" + f));
        }
        CadesSigner signer = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("From", "clerk@vellum.test");
        headers.put("Subject", "Record");
        for (String entity : List.of(
                "Content-Type: text/plain; charset=UTF-8\r\n\r\nMinutes.\r\n",
                "Content-Type: text/plain\n\nbare line feeds\nonly\n",
                "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\nraw\nbytes\r\n",
                "Content-Type: multipart/mixed; boundary=\"inner\"\r\n\r\npreamble\r\n--inner\r\n"
                        + "Content-Type: text/plain\r\n\r\ntext\r\n--inner\r\nContent-Type: application/octet-stream\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\nAAEC\r\n--inner--\r\nepilogue\r\n")) {
            out.add(signer.signSmime(entity.getBytes(StandardCharsets.ISO_8859_1), new SmimeMessageWriter.Headers(headers)));
        }
        return out;
    }

    @Test
    void everyCorpusAndGeneratedMessageReadsTheSameBothWays() {
        List<byte[]> all = messages();
        int signed = 0;
        for (byte[] eml : all) {
            String jakarta = outcome(JAKARTA, eml);
            assertThat(outcome(FAST, eml)).as(firstLine(eml)).isEqualTo(jakarta);
            if (jakarta.startsWith("SMIME_MULTIPART_SIGNED")) {
                signed++;
                assertThat(handledByFastPath(eml)).as("fast path for " + firstLine(eml)).isTrue();
            }
        }
        assertThat(signed).as("multipart/signed messages compared").isGreaterThan(25);
    }

    // ---- the shapes the fast path must get right, each also read by Jakarta Mail -----------------

    private static final byte[] CMS = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build()
            .signDetached(SignedContent.of("Content-Type: text/plain\r\n\r\nMinutes.\r\n".getBytes(StandardCharsets.US_ASCII)));

    /** A multipart/signed message; "{B}" in {@code template} is the boundary, "{SIG}" the CMS in base64, "{DER}" as it is. */
    private static byte[] message(String template, String boundary) {
        return template.replace("{B}", boundary).replace("{SIG}", SmimeMessageWriter.base64Lines(CMS).strip())
                .replace("{DER}", new String(CMS, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static final String PLAIN = "Subject: s\r\nContent-Type: multipart/signed; protocol=\"application/pkcs7-signature\";"
            + " micalg=sha-256; boundary=\"{B}\"\r\n\r\n";
    private static final String PARTS = "--{B}\r\nContent-Type: text/plain\r\n\r\nMinutes.\r\n"
            + "--{B}\r\nContent-Type: application/pkcs7-signature\r\nContent-Transfer-Encoding: base64\r\n\r\n{SIG}\r\n--{B}--\r\n";

    @ParameterizedTest
    @ValueSource(strings = {"simple", "=_b-1", "----=_Part_12_345.678", "b with space", "a:b(c)d"})
    void boundariesOfEveryAllowedShape(String boundary) {
        assertSameAndFast(message(PLAIN + PARTS, boundary));
    }

    @Test
    void preambleAndEpilogueAreNotPartOfAnyPart() {
        assertSameAndFast(message(PLAIN + "This is a multi-part message.\r\n--{B} is not a delimiter here\r\n\r\n"
                + PARTS + "epilogue\r\n--{B}\r\nafter the close delimiter\r\n", "simple"));
    }

    @Test
    void lineFeedOnlyMessagesSplitAsJakartaSplitsThem() {
        assertSameAndFast(message((PLAIN + "preamble\r\n" + PARTS).replace("\r\n", "\n"), "lf"));
        assertSameAndFast(message(PLAIN + PARTS.replace("Minutes.\r\n", "Minutes.\nmixed\n"), "mixed"));
    }

    @Test
    void theBoundaryInsideContentWithoutALeadingLineBreakIsContent() {
        assertSameAndFast(message(PLAIN + "--{B}\r\nContent-Type: text/plain\r\n\r\nsee --{B} here\r\nx--{B}\r\n"
                + "--{B}extra\r\n--{B}-x\r\n--{B}\r\nContent-Type: application/pkcs7-signature\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n{SIG}\r\n--{B}--\r\n", "b"));
    }

    @Test
    void transportPaddingAfterTheDelimiterIsAllowed() {
        assertSameAndFast(message(PLAIN + PARTS.replace("--{B}\r\n", "--{B} \t \r\n").replace("--{B}--\r\n", "--{B}--  \r\n"), "pad"));
    }

    @Test
    void foldedAndUppercaseHeadersAreReadByJakartaMail() {
        assertSameAndFast(message("SUBJECT: s\r\nCONTENT-TYPE: MULTIPART/SIGNED;\r\n\tPROTOCOL=\"application/pkcs7-signature\";\r\n"
                + " BOUNDARY={B}\r\n\r\n--{B}\r\nCONTENT-TYPE: TEXT/PLAIN;\r\n charset=us-ascii\r\n\r\nMinutes.\r\n"
                + "--{B}\r\nCONTENT-TYPE: APPLICATION/PKCS7-SIGNATURE\r\nCONTENT-TRANSFER-ENCODING: BASE64\r\n\r\n{SIG}\r\n--{B}--\r\n", "Up"));
    }

    @Test
    void anEmptyFirstPartAndAnUnencodedSignaturePartAreHandled() {
        assertSameAndFast(message(PLAIN + "--{B}\r\n\r\n--{B}\r\nContent-Type: application/pkcs7-signature\r\n"
                + "Content-Transfer-Encoding: binary\r\n\r\n{DER}\r\n--{B}--", "e"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "no close delimiter|--{B}--\r\n|",
        "a bare CR before a delimiter|Minutes.\r\n--{B}|Minutes.\r--{B}",
        "quoted-printable signature part|Content-Transfer-Encoding: base64|Content-Transfer-Encoding: quoted-printable",
        "x-uuencode signature part|Content-Transfer-Encoding: base64|Content-Transfer-Encoding: x-uuencode",
        "base64 with a stray character|\r\n--{B}--|!\r\n--{B}--",
        "no boundary parameter|; boundary=\"{B}\"|",
        "a signed part starting with a space|--{B}\r\nContent-Type: text/plain|--{B}\r\n  Content-Type: text/plain",
        "non-ASCII header bytes|Content-Type: text/plain|Content-Type: text/plain; name=\u00e9",
    })
    void unusualMessagesAreLeftToJakartaMail(String edit) {
        String[] e = edit.split("\\|", -1);
        byte[] eml = message((PLAIN + PARTS).replace(e[1], e[2]), "u");
        assertThat(handledByFastPath(eml)).as(e[0]).isFalse();
        assertThat(outcome(FAST, eml)).as(e[0]).isEqualTo(outcome(JAKARTA, eml));
    }

    @Test
    void threePartsGiveJakartaMailsError() {
        byte[] eml = message(PLAIN + PARTS.replace("--{B}--", "--{B}\r\n\r\nthird\r\n--{B}--"), "three");
        assertThat(outcome(FAST, eml)).isEqualTo(outcome(JAKARTA, eml))
                .endsWith("multipart/signed must have exactly two parts, has 3");
    }

    private static void assertSameAndFast(byte[] eml) {
        String jakarta = outcome(JAKARTA, eml);
        assertThat(jakarta).startsWith("SMIME_MULTIPART_SIGNED");
        assertThat(handledByFastPath(eml)).as("handled by the fast path").isTrue();
        assertThat(outcome(FAST, eml)).isEqualTo(jakarta);
    }

    /** Whether the fast path split the message and produced both the signed entity and the CMS. */
    private static boolean handledByFastPath(byte[] eml) {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new PositionedStream(eml));
            ContentType type = new ContentType(m.getContentType());
            if (!type.match("multipart/signed")) {
                return false;
            }
            Optional<List<MultipartSplitter.RawPart>> parts = MultipartSplitter.split(m, type);
            return parts.isPresent() && parts.get().size() == 2
                    && SmimePartBytes.signedEntity(parts.get().get(0)).isPresent()
                    && SmimePartBytes.decodedBody(parts.get().get(1).part(), Long.MAX_VALUE).isPresent();
        } catch (MessagingException e) {
            return false;
        }
    }

    @Test
    void damagedVariantsGiveTheSameDocumentsOrTheSameErrors() {
        SplittableRandom random = new SplittableRandom(20261206L);
        int compared = 0;
        for (byte[] eml : messages()) {
            for (int i = 0; i < 60; i++) {
                byte[] damaged = damage(eml, random);
                assertThat(outcome(FAST, damaged)).as("variant %d of %s", i, firstLine(eml))
                        .isEqualTo(outcome(JAKARTA, damaged));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(2000);
    }

    /** One random edit of the kind real mail suffers: truncation, line-end changes, lost or doubled lines. */
    private static byte[] damage(byte[] in, SplittableRandom random) {
        String s = new String(in, StandardCharsets.ISO_8859_1);
        int at = random.nextInt(s.length());
        int line = Math.max(0, s.lastIndexOf('\n', at) + 1);
        int lineEnd = s.indexOf('\n', at) < 0 ? s.length() : s.indexOf('\n', at) + 1;
        String out = switch (random.nextInt(9)) {
            case 0 -> s.substring(0, at);
            case 1 -> s.replace("\r\n", "\n");
            case 2 -> s.substring(0, line) + s.substring(lineEnd);
            case 3 -> s.substring(0, line) + s.substring(line, lineEnd) + s.substring(line);
            case 4 -> s.substring(0, at) + "\r" + s.substring(at);
            case 5 -> s.substring(0, line) + " " + s.substring(line);
            case 6 -> s.substring(0, at) + "-" + s.substring(at);
            case 7 -> s.substring(0, line) + s.substring(line, lineEnd).toUpperCase(java.util.Locale.ROOT) + s.substring(lineEnd);
            default -> s.substring(0, at) + (char) random.nextInt(256) + s.substring(at + 1);
        };
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String outcome(SignedDocumentReader reader, byte[] eml) {
        try {
            return describe(reader.read(eml));
        } catch (SignatureFormatException e) {
            return "error: " + e.getMessage();
        }
    }

    private static String describe(SignedDocument doc) {
        StringBuilder b = new StringBuilder(doc.containerType() + " " + doc.wrappers());
        if (doc.hasSignatures()) {
            b.append(" cms=").append(sha256(doc.cmsEncoded()));
            doc.content().ifPresent(c -> b.append(" content=").append(sha256(c.readAllBytes())));
        }
        doc.smime().ifPresent(e -> b.append(" cms-part=").append(e.bodyStart()).append('-').append(e.bodyEnd())
                .append(e.lineSeparator().equals("\r\n") ? " crlf" : " lf"));
        for (SignedDocument nested : doc.nestedDocuments()) {
            b.append(" [").append(describe(nested)).append(']');
        }
        return b.toString();
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(byte[] eml) {
        String s = new String(eml, 0, Math.min(eml.length, 200), StandardCharsets.ISO_8859_1);
        return s.lines().findFirst().orElse("");
    }
}
