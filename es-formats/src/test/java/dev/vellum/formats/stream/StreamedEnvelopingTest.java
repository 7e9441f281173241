package dev.vellum.formats.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.ValidationData;
import dev.vellum.formats.cms.Encodings;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtendedDocument;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.formats.level.BaselineLevel;
import dev.vellum.formats.support.Dss;
import dev.vellum.formats.support.Pki;
import dev.vellum.formats.timestamp.TimestampKind;
import dev.vellum.testkit.pki.KeyType;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enveloping files above the streaming threshold: read, checked and extended without loading their content. */
class StreamedEnvelopingTest {
    private static final SignedDocumentReader STREAMING = new SignedDocumentReader().withStreamingThreshold(64 * 1024);

    @Test
    void largeEnvelopingFileIsExtendedToLtaWithItsEncapsulatedContentCopiedByteForByte(@TempDir Path dir) throws Exception {
        byte[] content = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(content);
        Path source = Files.write(dir.resolve("large.bin"), content);
        Path p7m = dir.resolve("large.p7m");
        try (OutputStream o = Files.newOutputStream(p7m)) {
            CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build().signEnveloping(SignedContent.of(source), o);
        }

        SignedDocument doc = STREAMING.read(p7m);
        assertThat(doc.streamed()).isTrue();
        assertThat(doc.detached()).isFalse();
        assertThat(doc.signatures().get(0).cryptographicallyIntact()).isTrue();
        assertThatThrownBy(doc::cmsEncoded).isInstanceOf(SignatureFormatException.class);

        ExtendedDocument lta = CadesExtender.builder().timestampSource(Pki.tsa()).validationDataSource(Pki.validationData())
                .build().extend(doc, ExtensionTarget.LTA);
        Path out = dir.resolve("large-lta.p7m");
        try (OutputStream o = Files.newOutputStream(out)) {
            lta.writeTo(o);
        }
        assertThatThrownBy(lta::cms).isInstanceOf(SignatureFormatException.class);

        CadesSignature streamed = STREAMING.read(out).signatures().get(0);
        assertThat(streamed.level().baseline()).isEqualTo(BaselineLevel.B_LTA);
        assertThat(streamed.cryptographicallyIntact()).isTrue();
        assertThat(streamed.timestamps(TimestampKind.ARCHIVE_V3).get(0).imprintCheck().passed()).isTrue();

        SignedDocument before = new SignedDocumentReader().read(Files.readAllBytes(p7m));
        SignedDocument after = new SignedDocumentReader().read(Files.readAllBytes(out));
        assertThat(Encodings.asStored(after.parts().rawSignedData().getObjectAt(2)))
                .isEqualTo(Encodings.asStored(before.parts().rawSignedData().getObjectAt(2)));
        assertThat(after.signatures().get(0).rawSignerInfo().signedFieldsEncoded())
                .isEqualTo(before.signatures().get(0).rawSignerInfo().signedFieldsEncoded());
        assertThat(after.signatures().get(0).timestamps(TimestampKind.ARCHIVE_V3).get(0).imprintCheck().passed()).isTrue();

        Dss.Verdict v = Dss.validate(Files.readAllBytes(out), Optional.empty(), Pki.root(), ValidationData.EMPTY).get(0);
        assertThat(v.format()).isEqualTo(SignatureLevel.CAdES_BASELINE_LTA);
        assertThat(v.indication()).as(v.toString()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void truncatedLargeFileIsAFormatError(@TempDir Path dir) throws Exception {
        byte[] content = new byte[200 * 1024];
        byte[] p7m = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build().signEnveloping(SignedContent.of(content));
        Path cut = Files.write(dir.resolve("cut.p7m"), java.util.Arrays.copyOf(p7m, p7m.length / 2));
        assertThatThrownBy(() -> STREAMING.read(cut)).isInstanceOf(SignatureFormatException.class)
                .hasMessageContaining("cut.p7m");
    }
}
