package dev.vellum.formats.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vellum.formats.SignedDocumentReader;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the S/MIME reader (Jakarta Mail parsing, multipart/signed canonicalisation, pkcs7-mime,
 * nested message/rfc822). Regression mode replays the corpus .eml files copied into
 * {@code MimeReaderFuzzTestInputs/read}; fuzz for real with {@code JAZZER_FUZZ=1}.
 */
@Tag("fuzz")
class MimeReaderFuzzTest {
    private static final SignedDocumentReader READER = new SignedDocumentReader().withLimits(4L * 1024 * 1024, 8);

    @FuzzTest(maxDuration = "60s")
    void read(byte[] input) {
        ReaderProperties.readOrFormatError(() -> ReaderProperties.exercise(READER.read(input)));
    }
}
