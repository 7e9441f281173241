package dev.vellum.testkit.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class CorpusTest {
    @Test
    void manifestListsEveryShippedCaseWithItsContent() {
        var cases = Corpus.openSslCases();
        assertThat(cases).hasSize(47);
        for (OpenSslCase c : cases) {
            assertThat(Corpus.exists(c.corpusPath())).as(c.file()).isTrue();
            c.contentCorpusPath().ifPresent(p -> assertThat(Corpus.exists(p)).as(p).isTrue());
        }
    }

    @Test
    void caseFieldsAreParsed() {
        OpenSslCase twoSigners = Corpus.openSslCase("28-valid-two-signers.eml");
        assertThat(twoSigners.signers()).containsExactly("signer-rsa2048", "signer-ecp256");
        assertThat(twoSigners.expected()).isEqualTo("VALID");
        assertThat(Corpus.openSslCase("12-valid-detached.p7s").contentCorpusPath())
                .contains("openssl/messages/12-valid-detached.bin");
    }

    @Test
    void filesCanBeExtractedForCommandLineTools() throws Exception {
        var path = Corpus.file("rfc4134/ExContent.bin");
        assertThat(Files.readString(path)).isEqualTo("This is some sample content.");
    }
}
