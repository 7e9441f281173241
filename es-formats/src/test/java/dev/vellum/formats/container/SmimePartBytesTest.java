package dev.vellum.formats.container;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeBodyPart;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmimePartBytesTest {

    private static MimeBodyPart part(String encoding, String body) throws Exception {
        String entity = "Content-Type: application/pkcs7-signature\r\n"
                + (encoding == null ? "" : "Content-Transfer-Encoding: " + encoding + "\r\n") + "\r\n" + body;
        return new MimeBodyPart(new PositionedStream(entity.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void base64OfEveryLengthAndLineShapeDecodesAsJakartaMailDecodesIt() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        for (int length = 0; length < 40; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            for (String separator : new String[] {"\r\n", "\n", " \r\n"}) {
                for (int width : new int[] {4, 8, 76}) {
                    String body = Base64.getMimeEncoder(width, separator.getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(data) + separator;
                    MimeBodyPart p = part("BASE64", body);

                    assertThat(SmimePartBytes.decodedBody(p, Long.MAX_VALUE)).as("%d bytes, %s", length, body)
                            .hasValueSatisfying(b -> assertThat(b).isEqualTo(data));
                    assertThat(p.getInputStream().readAllBytes()).isEqualTo(data);
                }
            }
        }
    }

    @Test
    void base64ThatDecodersReadDifferentlyIsLeftToJakartaMail() throws Exception {
        for (String body : new String[] {"QUJD!\r\n", "QQ=\r\n=\r\n", "QQ==QUJD\r\n", "QUJDQ\r\n", "QUJD=\r\n", "Q===\r\n",
            "QUJ-\r\n"}) {
            assertThat(SmimePartBytes.decodedBody(part("base64", body), Long.MAX_VALUE)).as(body).isEmpty();
        }
    }

    @Test
    void identityEncodingsAreCopiedAndOthersDeclined() throws Exception {
        for (String encoding : new String[] {null, "7bit", "8BIT", "binary"}) {
            assertThat(SmimePartBytes.decodedBody(part(encoding, "\u00e9 raw\r\n"), Long.MAX_VALUE))
                    .hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.ISO_8859_1)).isEqualTo("\u00e9 raw\r\n"));
        }
        assertThat(SmimePartBytes.decodedBody(part("quoted-printable", "a=3D\r\n"), Long.MAX_VALUE)).isEmpty();
        MimeBodyPart commented = part("base64 (a comment, which Jakarta Mail skips)", "QUJD\r\n");
        assertThat(SmimePartBytes.decodedBody(commented, Long.MAX_VALUE))
                .hasValue("ABC".getBytes(StandardCharsets.US_ASCII));
        assertThat(commented.getInputStream().readAllBytes()).isEqualTo("ABC".getBytes(StandardCharsets.US_ASCII));
        assertThat(SmimePartBytes.decodedBody(part("binary", "0123456789"), 9)).as("over the size limit").isEqualTo(Optional.empty());
    }
}
