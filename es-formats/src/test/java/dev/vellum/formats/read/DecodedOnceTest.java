package dev.vellum.formats.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.attribute.RawAttribute;
import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.cms.Encodings;
import dev.vellum.formats.cms.SignedDataEditor;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.formats.support.Pki;
import dev.vellum.formats.timestamp.AtsHashIndexCodec;
import dev.vellum.formats.timestamp.EmbeddedTimestamp;
import dev.vellum.formats.timestamp.TimestampKind;
import dev.vellum.formats.timestamp.Tokens;
import dev.vellum.testkit.pki.KeyType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Attribute values are decoded and encoded once, when read; what the readers share must equal a fresh decoding. */
class DecodedOnceTest {
    private static SignedDocument lta;

    @BeforeAll
    static void signAndExtend() {
        byte[] cms = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build()
                .signEnveloping(SignedContent.of("decoded once".getBytes(StandardCharsets.US_ASCII)));
        SignedDocument b = new SignedDocumentReader().read(cms);
        lta = new SignedDocumentReader().read(CadesExtender.builder().timestampSource(Pki.tsa())
                .validationDataSource(Pki.validationData()).build().extend(b, ExtensionTarget.LTA).cms());
    }

    @Test
    void timestampsUseTheTokensDecodedWithTheAttributes() {
        CadesSignature s = lta.signatures().get(0);
        List<TimeStampToken> decoded = new ArrayList<>();
        for (Attribute a : s.unsignedAttributes().asn1()) {
            s.unsignedAttributes().timestampTokens(a).forEach(t -> t.ifPresent(decoded::add));
        }
        assertThat(s.timestamps()).extracting(EmbeddedTimestamp::kind)
                .containsExactly(TimestampKind.SIGNATURE, TimestampKind.ARCHIVE_V3);
        assertThat(s.timestamps()).extracting(EmbeddedTimestamp::token).containsExactlyElementsOf(decoded);
        // a fresh decoding of the same values gives the same tokens
        for (EmbeddedTimestamp t : s.timestamps()) {
            TimeStampToken fresh = Tokens.parse(s.unsignedAttributes().asn1().stream()
                    .filter(a -> a.getAttrType().equals(t.kind().oid())).findFirst().orElseThrow().getAttrValues().getObjectAt(0));
            assertThat(t.token().getTimeStampInfo().getGenTime()).isEqualTo(fresh.getTimeStampInfo().getGenTime());
            assertThat(t.imprintCheck().passed()).as(t.label()).isTrue();
        }
        assertThat(s.timestamps(TimestampKind.ARCHIVE_V3).get(0).hashIndexCheck().passed()).isTrue();
    }

    @Test
    void hashIndexInputsAreTheStoredTypeAndValueEncodings() {
        CadesSignature s = lta.signatures().get(0);
        List<byte[]> expected = new ArrayList<>();
        for (Attribute a : s.rawSignerInfo().unsignedAttributes()) {
            for (ASN1Encodable v : a.getAttrValues()) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                buf.writeBytes(Encodings.asStored(a.getAttrType()));
                buf.writeBytes(Encodings.asStored(v));
                expected.add(buf.toByteArray());
            }
        }
        assertThat(s.unsignedAttributes().typeAndValueEncodings()).containsExactlyElementsOf(expected);
        String sha256 = "2.16.840.1.101.3.4.2.1";
        assertThat(AtsHashIndexCodec.digests(sha256, s.unsignedAttributes().typeAndValueEncodings()))
                .containsExactlyElementsOf(AtsHashIndexCodec.unsignedAttributeValueHashes(sha256, s.rawSignerInfo().unsignedAttributes()));
    }

    @Test
    void aMalformedTokenIsStillListedWithItsErrorAndSkipped() {
        Attribute bogus = new Attribute(CadesOids.SIGNATURE_TIMESTAMP, new DERSet(new DEROctetString(new byte[] {1, 2, 3})));
        SignedDocument withBogus = new SignedDocumentReader()
                .read(new SignedDataEditor(lta.parts()).addUnsignedAttribute(0, bogus).encode());
        CadesSignature s = withBogus.signatures().get(0);
        String expectedError;
        try {
            Tokens.parse(new DEROctetString(new byte[] {1, 2, 3}));
            throw new AssertionError("parsed");
        } catch (IllegalArgumentException e) {
            expectedError = "malformed signature-time-stamp value: " + e.getMessage();
        }
        assertThat(s.unsignedAttributes().malformed()).extracting(RawAttribute::parseError)
                .containsExactly(Optional.of(expectedError));
        Attribute stored = s.unsignedAttributes().asn1().stream()
                .filter(a -> a.getAttrType().equals(CadesOids.SIGNATURE_TIMESTAMP) && a.getAttrValues().getObjectAt(0) instanceof DEROctetString)
                .findFirst().orElseThrow();
        assertThat(s.unsignedAttributes().timestampTokens(stored)).containsExactly(Optional.empty());
        assertThat(s.timestamps(TimestampKind.SIGNATURE)).hasSize(1);
        assertThat(s.timestamps(TimestampKind.SIGNATURE).get(0).imprintCheck().passed()).isTrue();
    }

    @Test
    void decodedValuesAreHandedOutAsCopies() {
        CadesSignature s = lta.signatures().get(0);
        byte[] digest = s.signedAttributes().messageDigest().orElseThrow();
        byte[] original = digest.clone();
        digest[0] ^= 1;
        assertThat(s.signedAttributes().messageDigest().orElseThrow()).isEqualTo(original);
        assertThat(s.messageDigestCheck().passed()).isTrue();
    }
}
