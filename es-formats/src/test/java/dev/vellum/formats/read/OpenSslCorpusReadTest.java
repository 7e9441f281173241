package dev.vellum.formats.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.Check;
import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.cms.Material;
import dev.vellum.testkit.corpus.Corpus;
import dev.vellum.testkit.corpus.OpenSslCase;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OpenSslCorpusReadTest {

    static Stream<OpenSslCase> cases() {
        return Corpus.openSslCases().stream().filter(c -> !c.kind().equals("rfc3161-tsr"));
    }

    static SignedDocument read(OpenSslCase c) {
        SignedDocumentReader reader = new SignedDocumentReader()
                .withExtraCertificates(List.of(Material.certificate(Corpus.bytes("openssl/pki/signer-rsa2048.crt"))));
        byte[] bytes = Corpus.bytes(c.corpusPath());
        return c.contentCorpusPath().isPresent()
                ? reader.readDetached(bytes, SignedContent.of(Corpus.bytes(c.contentCorpusPath().get())))
                : reader.read(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyFileParsesOrFailsWithAClearFormatError(OpenSslCase c) {
        if (c.expected().equals("MALFORMED")) {
            assertThatThrownBy(() -> read(c).signatures().forEach(s -> s.signatureValueCheck()))
                    .isInstanceOf(SignatureFormatException.class)
                    .hasMessageNotContaining("NullPointer");
            return;
        }
        SignedDocument doc = read(c);
        assertThat(doc.signatures()).isNotEmpty();
        int expectedSigners = c.signers().size();
        assertThat(doc.signatures()).hasSize(expectedSigners);
        for (CadesSignature s : doc.signatures()) {
            Check sig = s.signatureValueCheck();
            Check digest = s.messageDigestCheck();
            switch (c.expected()) {
                case "INVALID-SIGNATURE" -> assertThat(sig.status()).as(sig.detail()).isEqualTo(Check.Status.FAILED);
                case "INVALID-DIGEST" -> {
                    assertThat(digest.status()).as(digest.detail()).isEqualTo(Check.Status.FAILED);
                    assertThat(sig.status()).as(sig.detail()).isEqualTo(Check.Status.PASSED);
                }
                default -> {
                    // VALID and the rows whose problem is trust, time or policy: the cryptography holds
                    assertThat(sig.status()).as(c + ": " + sig.detail()).isEqualTo(Check.Status.PASSED);
                    assertThat(digest.status()).as(c + ": " + digest.detail()).isNotEqualTo(Check.Status.FAILED);
                    assertThat(s.cryptographicallyIntact()).isTrue();
                }
            }
        }
    }
}
