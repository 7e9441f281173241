package dev.vellum.formats.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.ValidationData;
import dev.vellum.formats.cms.Encodings;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.formats.level.BaselineLevel;
import dev.vellum.formats.support.Dss;
import dev.vellum.formats.support.Pki;
import dev.vellum.testkit.corpus.Corpus;
import dev.vellum.testkit.pki.KeyType;
import eu.europa.esig.dss.enumerations.Indication;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.cms.CMSCompressedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.ZlibCompressor;
import org.junit.jupiter.api.Test;

class CompressedAndBerTest {

    private static byte[] compress(byte[] data) throws Exception {
        return new CMSCompressedDataGenerator().generate(new CMSProcessableByteArray(data), new ZlibCompressor()).getEncoded();
    }

    @Test
    void signedMessageInsideSmimeCompressedDataIsFoundAndVerifies() throws Exception {
        byte[] signedMessage = Corpus.bytes("openssl/messages/01-valid-rsa2048.eml");
        String compressed = Base64.getMimeEncoder().encodeToString(compress(signedMessage));
        byte[] outer = ("MIME-Version: 1.0\r\nSubject: compressed\r\n"
                + "Content-Type: application/pkcs7-mime; smime-type=compressed-data; name=smime.p7z\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + compressed + "\r\n").getBytes(StandardCharsets.US_ASCII);
        SignedDocument doc = new SignedDocumentReader().read(outer);
        assertThat(doc.wrappers()).contains("compressed-data");
        assertThat(doc.signatures()).hasSize(1);
        assertThat(doc.signatures().get(0).cryptographicallyIntact()).isTrue();
    }

    @Test
    void cmsCompressedDataHoldingSignedDataIsRead() throws Exception {
        byte[] p7m = Corpus.bytes("openssl/messages/13-valid-enveloping.p7m");
        SignedDocument doc = new SignedDocumentReader().read(compress(p7m));
        assertThat(doc.wrappers()).containsExactly("compressed-data");
        assertThat(doc.signatures().get(0).cryptographicallyIntact()).isTrue();
    }

    @Test
    void berEnvelopingSignatureIsExtendedInMemoryKeepingItsEncodings() {
        byte[] content = "BER content\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream ber = new ByteArrayOutputStream();
        CadesSigner.builder(Pki.key(KeyType.RSA_2048)).build().signEnveloping(SignedContent.of(content), ber);
        SignedDocument doc = new SignedDocumentReader().read(ber.toByteArray());
        assertThat(doc.parts().ber()).isTrue();
        byte[] lta = CadesExtender.builder().timestampSource(Pki.tsa()).validationDataSource(Pki.validationData()).build()
                .extend(doc, ExtensionTarget.LTA).cms();
        SignedDocument after = new SignedDocumentReader().read(lta);
        assertThat(after.parts().ber()).isTrue();
        assertThat(Encodings.asStored(after.parts().rawSignedData().getObjectAt(2)))
                .isEqualTo(Encodings.asStored(doc.parts().rawSignedData().getObjectAt(2)));
        assertThat(after.signatures().get(0).level().baseline()).isEqualTo(BaselineLevel.B_LTA);
        Dss.Verdict v = Dss.validate(lta, Optional.empty(), Pki.root(), ValidationData.EMPTY).get(0);
        assertThat(v.indication()).as(v.toString()).isEqualTo(Indication.TOTAL_PASSED);
    }
}
