package dev.vellum.formats.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.ContainerType;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.cms.Material;
import dev.vellum.testkit.corpus.Corpus;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Rfc4134ReadTest {
    private static final byte[] EX_CONTENT = Corpus.bytes("rfc4134/ExContent.bin");
    private static final List<X509Certificate> CERTS = List.of(
            Material.certificate(Corpus.bytes("rfc4134/AliceDSSSignByCarlNoInherit.cer")),
            Material.certificate(Corpus.bytes("rfc4134/AliceRSASignByCarl.cer")),
            Material.certificate(Corpus.bytes("rfc4134/CarlDSSSelf.cer")),
            Material.certificate(Corpus.bytes("rfc4134/CarlRSASelf.cer")),
            Material.certificate(Corpus.bytes("rfc4134/DianeDSSSignByCarlInherit.cer")),
            Material.certificate(Corpus.bytes("rfc4134/DianeRSASignByCarl.cer")));

    @ParameterizedTest
    @ValueSource(strings = {"4.1.bin", "4.2.bin", "4.3.bin", "4.4.bin", "4.5.bin", "4.6.bin", "4.7.bin", "4.10.bin", "4.8.eml", "4.9.eml"})
    void signedExamplesParseAndTheirSignatureValuesVerify(String file) {
        SignedDocumentReader reader = new SignedDocumentReader().withExtraCertificates(CERTS);
        byte[] bytes = Corpus.bytes("rfc4134/" + file);
        SignedDocument doc = reader.read(bytes);
        if (doc.detached()) {
            doc = reader.readDetached(bytes, SignedContent.of(EX_CONTENT));
        }
        assertThat(doc.signatures()).isNotEmpty();
        for (CadesSignature s : doc.allSignatures()) {
            assertThat(s.signatureValueCheck().passed()).as(file + " " + s.id() + ": " + s.signatureValueCheck().detail()).isTrue();
            assertThat(s.messageDigestCheck().failed()).as(file + " " + s.id() + ": " + s.messageDigestCheck().detail()).isFalse();
        }
    }

    @Test
    void multipartSignedStoredWithLfOnlyAndNoHeadersVerifiesOverCrlfPlusContent() {
        SignedDocument doc = new SignedDocumentReader().withExtraCertificates(CERTS).read(Corpus.bytes("rfc4134/4.8.eml"));
        assertThat(doc.containerType()).isEqualTo(ContainerType.SMIME_MULTIPART_SIGNED);
        byte[] signed = doc.content().orElseThrow().readAllBytes();
        assertThat(signed).hasSize(EX_CONTENT.length + 2);
        assertThat(signed[0]).isEqualTo((byte) '\r');
        assertThat(doc.signatures().get(0).signatureValueCheck().passed()).isTrue();
    }

    @Test
    void fancySignedDataExposesItsCountersignatureAndCrls() {
        SignedDocument doc = new SignedDocumentReader().withExtraCertificates(CERTS).read(Corpus.bytes("rfc4134/4.4.bin"));
        assertThat(doc.allSignatures().size()).isGreaterThan(doc.signatures().size());
        assertThat(doc.signedDataMaterial().crls()).isNotEmpty();
    }

    @Test
    void certsOnlyMessageParsesWithoutSigners() {
        SignedDocument doc = new SignedDocumentReader().read(Corpus.bytes("rfc4134/4.11.bin"));
        assertThat(doc.signatures()).isEmpty();
        assertThat(doc.signedDataMaterial().certificates()).isNotEmpty();
    }
}
