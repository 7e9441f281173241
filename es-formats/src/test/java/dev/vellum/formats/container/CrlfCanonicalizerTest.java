package dev.vellum.formats.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CrlfCanonicalizerTest {

    private static String canonical(String s) {
        return new String(CrlfCanonicalizer.canonicalize(s.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
    }

    @Test
    void bareLineFeedsBecomeCrlfAndEverythingElseIsKept() {
        assertThat(canonical("\nA: b  \n\nbody\t\nlast")).isEqualTo("\r\nA: b  \r\n\r\nbody\t\r\nlast");
        assertThat(canonical("mixed\r\nand\nbare\n")).isEqualTo("mixed\r\nand\r\nbare\r\n");
        assertThat(canonical("lone\rcarriage return")).isEqualTo("lone\rcarriage return");
        assertThat(canonical("")).isEmpty();
    }

    @Test
    void canonicalInputComesBackAsItIs() {
        byte[] crlf = "Content-Type: text/plain\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(CrlfCanonicalizer.canonicalize(crlf)).isSameAs(crlf);
    }
}
