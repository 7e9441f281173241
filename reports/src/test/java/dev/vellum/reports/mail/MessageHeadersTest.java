package dev.vellum.reports.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.reports.model.MessageInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageHeadersTest {

    @Test
    void encodedWordsFoldedLinesAndDatesAreDecoded() {
        String mail = "Received: by mx\r\nFrom: =?UTF-8?B?0JDQu9C10LrRgdC10Lkg0JbRg9C60L7Qsg==?= <a@example.org>\r\n"
                + "To: records@example.org\r\nSubject: =?UTF-8?Q?Z=C3=B6e=27s_minutes?=\r\n =?UTF-8?B?IOWQiOWQjA==?=\r\n"
                + "Date: Wed, 20 Nov 2024 11:15:00 +0100\r\nMessage-ID: <m1@example.org>\r\n\r\nbody\r\n";
        MessageInfo m = MessageHeaders.read(mail.getBytes(StandardCharsets.US_ASCII));
        assertThat(m.subject()).isEqualTo("Zöe's minutes 合同");
        assertThat(m.from()).isEqualTo("Алексей Жуков <a@example.org>");
        assertThat(m.to()).isEqualTo("records@example.org");
        assertThat(m.date()).isEqualTo(Instant.parse("2024-11-20T10:15:00Z"));
        assertThat(m.messageId()).isEqualTo("<m1@example.org>");
    }

    @Test
    void cmsAndGarbageHaveNoHeaders() {
        assertThat(MessageHeaders.read(new byte[] {0x30, (byte) 0x82, 0x01, 0x00, 0x06}).isEmpty()).isTrue();
        assertThat(MessageHeaders.read(new byte[0]).isEmpty()).isTrue();
        assertThat(MessageHeaders.read("no colon on this line\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).isEmpty()).isTrue();
        assertThat(MessageHeaders.read(null).isEmpty()).isTrue();
    }
}
