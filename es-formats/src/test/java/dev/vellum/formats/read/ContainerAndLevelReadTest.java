package dev.vellum.formats.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.ContainerType;
import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.level.BaselineLevel;
import dev.vellum.formats.level.LegacyForm;
import dev.vellum.testkit.corpus.Corpus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContainerAndLevelReadTest {
    private final SignedDocumentReader reader = new SignedDocumentReader();

    @Test
    void forwardedSignedMessageIsFoundInsideTheOuterSignedPart() {
        SignedDocument outer = reader.read(Corpus.bytes("openssl/messages/31-valid-nested-forward.eml"));
        assertThat(outer.containerType()).isEqualTo(ContainerType.SMIME_MULTIPART_SIGNED);
        assertThat(outer.signatures().get(0).cryptographicallyIntact()).isTrue();
        assertThat(outer.nestedDocuments()).hasSize(1);
        SignedDocument inner = outer.nestedDocuments().get(0);
        assertThat(inner.wrappers()).contains("message/rfc822");
        assertThat(inner.signatures().get(0).cryptographicallyIntact()).isTrue();
        assertThat(inner.signatures().get(0).signingCertificate().orElseThrow().getSubjectX500Principal().getName())
                .contains("RSA");
    }

    @Test
    void opaqueSmimeIsReadWithItsEncapsulatedContent() {
        SignedDocument doc = reader.read(Corpus.bytes("openssl/messages/11-valid-opaque.eml"));
        assertThat(doc.containerType()).isEqualTo(ContainerType.SMIME_OPAQUE);
        assertThat(doc.detached()).isFalse();
        assertThat(doc.smime()).isPresent();
        assertThat(doc.signatures().get(0).cryptographicallyIntact()).isTrue();
    }

    @Test
    void cadesBesFromOpenSslIsBaselineB() {
        SignedDocument doc = reader.read(Corpus.bytes("openssl/messages/26-valid-cades-bes.p7s"));
        CadesSignature s = doc.signatures().get(0);
        assertThat(s.level().baseline()).isEqualTo(BaselineLevel.B_B);
        assertThat(s.level().legacyForm()).contains(LegacyForm.BES);
        assertThat(s.signedAttributes().signingCertificateV2()).hasSize(1);
        assertThat(s.signedAttributes().signingTime()).isPresent();
        assertThat(s.level().notes()).anyMatch(n -> n.contains("signature-time-stamp"));
    }

    @Test
    void plainSmimeWithoutSigningCertificateIsOnlyCms() {
        CadesSignature s = reader.read(Corpus.bytes("openssl/messages/01-valid-rsa2048.eml")).signatures().get(0);
        assertThat(s.level().baseline()).isEqualTo(BaselineLevel.NONE);
        assertThat(s.level().legacyForm()).isEmpty();
        assertThat(s.level().baseline().label()).isEqualTo("CMS");
        // SMIMECapabilities is known to us; nothing is dropped
        assertThat(s.signedAttributes().all()).extracting(a -> a.name().orElse("?")).contains("smime-capabilities");
    }

    @Test
    void garbageAndEmptyInputsFailWithClearMessages() {
        assertThatThrownBy(() -> reader.read(new byte[0])).isInstanceOf(SignatureFormatException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> reader.read("Subject: hi\r\n\r\nno signature here\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(SignatureFormatException.class).hasMessageContaining("without any S/MIME signature");
        assertThatThrownBy(() -> reader.read(new byte[] {0x30, (byte) 0x84, 0x7f, 0x7f, 0x7f, 0x7f, 1}))
                .isInstanceOf(SignatureFormatException.class);
    }

    @Test
    void deeplyNestedMessagesAreRefusedNotRecursedForever() {
        StringBuilder sb = new StringBuilder();
        int depth = 40;
        for (int i = 0; i < depth; i++) {
            sb.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\r\n\r\n--b").append(i).append("\r\n");
        }
        sb.append("Content-Type: text/plain\r\n\r\nx\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            sb.append("--b").append(i).append("--\r\n");
        }
        assertThatThrownBy(() -> reader.read(sb.toString().getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(SignatureFormatException.class).hasMessageContaining("nesting");
    }
}
