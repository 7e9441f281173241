package dev.vellum.formats.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocumentReader;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the CMS reader (DER/BER SignedData, compressed data, nested content) and everything
 * computed from what it reads. Regression mode replays the OpenSSL and RFC 4134 corpus files copied
 * into {@code CmsReaderFuzzTestInputs/read}; fuzz for real with {@code JAZZER_FUZZ=1}.
 * Property: a readable document whose checks and level can all be computed, or a
 * SignatureFormatException with a reason — never another exception, a hang or an OOM.
 */
@Tag("fuzz")
class CmsReaderFuzzTest {
    private static final SignedDocumentReader READER = new SignedDocumentReader().withLimits(4L * 1024 * 1024, 8);
    private static final SignedContent CONTENT = SignedContent.of("fuzz content\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    @FuzzTest(maxDuration = "60s")
    void read(byte[] input) {
        ReaderProperties.readOrFormatError(() -> ReaderProperties.exercise(READER.read(input)));
        ReaderProperties.readOrFormatError(() -> ReaderProperties.exercise(READER.readDetached(input, CONTENT)));
    }
}
