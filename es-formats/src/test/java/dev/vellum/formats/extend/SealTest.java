package dev.vellum.formats.extend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.create.SmimeMessageWriter;
import dev.vellum.formats.support.Pki;
import dev.vellum.testkit.corpus.Corpus;
import dev.vellum.testkit.pki.KeyType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link CadesExtender#seal}: a countersignature on every signature, unsigned data only, S/MIME kept as a message. */
class SealTest {
    private static final CadesSigner SEALER = CadesSigner.builder(Pki.key(KeyType.ED25519)).build();

    @Test
    void anSmimeMessageIsSealedInPlaceAndStaysAMessage() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("From", "a@vellum.test");
        headers.put("Subject", "seal me");
        byte[] message = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build()
                .signSmime("Content-Type: text/plain\r\n\r\nseal me\r\n".getBytes(StandardCharsets.US_ASCII),
                        new SmimeMessageWriter.Headers(headers));
        ExtendedDocument sealed = CadesExtender.builder().build().seal(new SignedDocumentReader().read(message), SEALER);

        String before = new String(message, StandardCharsets.ISO_8859_1);
        String after = new String(sealed.output(), StandardCharsets.ISO_8859_1);
        String signedPart = before.substring(0, before.indexOf("application/pkcs7-signature"));
        assertThat(after).startsWith(signedPart);
        SignedDocument document = new SignedDocumentReader().read(sealed.output());
        CadesSignature signature = document.signatures().get(0);
        assertThat(signature.cryptographicallyIntact()).isTrue();
        assertThat(signature.counterSignatures()).singleElement().satisfies(seal -> {
            assertThat(seal.cryptographicallyIntact()).isTrue();
            assertThat(seal.signingCertificate()).contains(Pki.pki().signer(KeyType.ED25519).certificate());
        });
        assertThat(sealed.actions()).containsExactly("sealed S1 with a countersignature");
    }

    @Test
    void aBrokenSignatureIsNotSealed() {
        SignedDocument tampered = new SignedDocumentReader().read(Corpus.bytes("openssl/messages/22-tampered-econtent.p7m"));
        assertThatThrownBy(() -> CadesExtender.builder().build().seal(tampered, SEALER))
                .isInstanceOf(SignatureFormatException.class).hasMessageContaining("refusing to extend signature S1");
    }
}
