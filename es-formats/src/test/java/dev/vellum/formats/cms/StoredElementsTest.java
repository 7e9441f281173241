package dev.vellum.formats.cms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.formats.support.Pki;
import dev.vellum.formats.timestamp.EmbeddedTimestamp;
import dev.vellum.formats.timestamp.Tokens;
import dev.vellum.testkit.pki.KeyType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.OtherRevocationInfoFormat;
import org.bouncycastle.asn1.cms.SignedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stored slices stand in for Bouncy Castle's re-encodings only where they are the very same bytes. */
class StoredElementsTest {
    private static SignedDocument lta;

    @BeforeAll
    static void signAndExtend() {
        byte[] cms = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build()
                .signEnveloping(SignedContent.of("stored".getBytes(StandardCharsets.US_ASCII)));
        lta = new SignedDocumentReader().read(CadesExtender.builder().timestampSource(Pki.tsa())
                .validationDataSource(Pki.validationData()).build()
                .extend(new SignedDocumentReader().read(cms), ExtensionTarget.LTA).cms());
    }

    @Test
    void everyElementOfOurOwnSignatureIsSlicedAndEqualsItsReEncoding() {
        SignedDataParts parts = lta.parts();
        StoredElements stored = parts.stored();
        List<ASN1Encodable> certs = parts.certificateChoices();
        List<ASN1Encodable> revs = parts.revocationChoices();
        assertThat(certs).isNotEmpty();
        assertThat(revs).isNotEmpty();
        for (int i = 0; i < certs.size(); i++) {
            assertThat(stored.certificateAsStored(i)).isEqualTo(Encodings.asStored(certs.get(i)));
            assertThat(stored.certificateDer(i)).isEqualTo(Encodings.der(certs.get(i)));
        }
        boolean sawOcsp = false;
        for (int i = 0; i < revs.size(); i++) {
            assertThat(stored.revocationAsStored(i)).isEqualTo(Encodings.asStored(revs.get(i)));
            assertThat(stored.revocationDer(i)).isEqualTo(Encodings.der(revs.get(i)));
            if (revs.get(i).toASN1Primitive() instanceof ASN1TaggedObject t) {
                sawOcsp = true;
                assertThat(stored.otherRevocationInfoDer(i))
                        .isEqualTo(Encodings.der(OtherRevocationInfoFormat.getInstance(t, false).getInfo()));
            }
        }
        assertThat(sawOcsp).isTrue();
        CadesSignature s = lta.signatures().get(0);
        List<Attribute> unsigned = s.rawSignerInfo().unsignedAttributes();
        for (int k = 0; k < unsigned.size(); k++) {
            List<byte[]> values = s.rawSignerInfo().unsignedValuesAsStored(k);
            assertThat(values).hasSize(unsigned.get(k).getAttrValues().size());
            for (int j = 0; j < values.size(); j++) {
                assertThat(values.get(j)).isEqualTo(Encodings.asStored(unsigned.get(k).getAttrValues().getObjectAt(j)));
            }
        }
    }

    @Test
    void signedFieldsAreOneSliceEqualToTheirReEncodings() {
        RawSignerInfo signer = lta.signatures().get(0).rawSignerInfo();
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        signer.signedFields().forEach(f -> expected.writeBytes(Encodings.asStored(f)));
        assertThat(lta.parts().stored().signedFieldsAsStored(0)).isEqualTo(expected.toByteArray());
        assertThat(signer.signedFieldsEncoded()).isEqualTo(expected.toByteArray());
        // a SignerInfo not read from a SignedData (a countersignature) encodes them
        assertThat(new RawSignerInfo(signer.sequence()).signedFieldsEncoded()).isEqualTo(expected.toByteArray());
    }

    @Test
    void signedAttributesAreTheirDerSetWhenAlreadyInDerOrder() {
        RawSignerInfo signer = lta.signatures().get(0).rawSignerInfo();
        byte[] der = Encodings.der(signer.parsed().getAuthenticatedAttributes());
        assertThat(lta.parts().stored().signedAttributesDer(0)).isEqualTo(der);
        assertThat(signer.signedAttributesForVerification()).isEqualTo(der);
        // the same attributes stored in the reverse order: Bouncy Castle sorts them, so no slice
        List<ASN1Encodable> attributes = new java.util.ArrayList<>(List.of(signer.parsed().getAuthenticatedAttributes().toArray()));
        java.util.Collections.reverse(attributes);
        byte[] reversed = contentInfoWithSignedAttributes(attributes);
        StoredElements stored = StoredElements.of(reversed);
        assertThat(stored.signedAttributesDer(0)).isNull();
        java.util.Collections.reverse(attributes);
        assertThat(StoredElements.of(contentInfoWithSignedAttributes(attributes)).signedAttributesDer(0)).isEqualTo(der);
    }

    // ContentInfo { signedData, [0] SignedData { 1, {}, { data }, { SignerInfo { 1, [0] ski, alg, [0] attributes, alg, sig } } } }
    private static byte[] contentInfoWithSignedAttributes(List<ASN1Encodable> attributes) {
        try {
            org.bouncycastle.asn1.x509.AlgorithmIdentifier alg = new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                    org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256);
            ASN1Encodable signerInfo = new org.bouncycastle.asn1.DLSequence(new ASN1Encodable[] {new ASN1Integer(3),
                new org.bouncycastle.asn1.DLTaggedObject(false, 0, new org.bouncycastle.asn1.DEROctetString(new byte[] {1})), alg,
                new org.bouncycastle.asn1.DLTaggedObject(false, 0, new org.bouncycastle.asn1.DLSequence(attributes.toArray(new ASN1Encodable[0]))),
                alg, new org.bouncycastle.asn1.DEROctetString(new byte[] {2})});
            ASN1Encodable signedData = new org.bouncycastle.asn1.DLSequence(new ASN1Encodable[] {new ASN1Integer(1), new DLSet(),
                new org.bouncycastle.asn1.DLSequence(CadesOids.DATA), new DLSet(signerInfo)});
            return new org.bouncycastle.asn1.DLSequence(new ASN1Encodable[] {CadesOids.SIGNED_DATA,
                new org.bouncycastle.asn1.DLTaggedObject(true, 0, signedData)}).getEncoded();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void tokenMaterialFromSlicesEqualsTheReEncodedOne() {
        for (EmbeddedTimestamp t : lta.signatures().get(0).timestamps()) {
            byte[] token = Encodings.asStored(t.token().toCMSSignedData().toASN1Structure());
            StoredElements inside = StoredElements.of(token);
            SignedData sd = Tokens.signedData(t.token());
            assertThat(inside.alignedWith(Tokens.list(sd.getCertificates()).size(), Tokens.list(sd.getCRLs()).size())).isTrue();
            assertThat(inside.certificateDer(0)).isEqualTo(Encodings.der(sd.getCertificates().getObjectAt(0)));
            assertThat(Tokens.material(t.token(), inside)).isEqualTo(Tokens.material(t.token()));
            assertThat(t.tokenData()).isEqualTo(Tokens.material(t.token()));
        }
    }

    @Test
    void nonMinimalOrIndefiniteLengthsAreNotSliced() {
        assertThat(CanonicalTlv.read(bytes(0x30, 0x03, 0x02, 0x01, 0x05), 0, 5)).isNotNull();
        assertThat(CanonicalTlv.read(bytes(0x30, 0x81, 0x03, 0x02, 0x01, 0x05), 0, 6)).isNull();
        assertThat(CanonicalTlv.read(bytes(0x30, 0x82, 0x00, 0x03, 0x02, 0x01, 0x05), 0, 7)).isNull();
        assertThat(CanonicalTlv.read(bytes(0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00), 0, 7)).isNull();
        assertThat(CanonicalTlv.read(bytes(0x30, 0x05, 0x02, 0x01), 0, 4)).isNull(); // beyond the input
        assertThat(CanonicalTlv.read(bytes(0x1F, 0x02, 0x01, 0x00), 0, 4)).isNull(); // tag 2 in high-tag form
    }

    @Test
    void levelsFollowWhatBouncyCastleReEncodes() throws Exception {
        // a constructed OCTET STRING: Bouncy Castle re-encodes it differently
        assertThat(level(bytes(0x24, 0x03, 0x04, 0x01, 0x41))).isEqualTo(CanonicalTlv.NONE);
        // BOOLEAN 0x01 stays as stored, but DER writes 0xFF
        byte[] oddTrue = bytes(0x30, 0x03, 0x01, 0x01, 0x01);
        assertThat(level(oddTrue)).isEqualTo(CanonicalTlv.AS_STORED);
        assertThat(Encodings.asStored(ASN1Primitive.fromByteArray(oddTrue))).isEqualTo(oddTrue);
        assertThat(Encodings.der(ASN1Primitive.fromByteArray(oddTrue))).isNotEqualTo(oddTrue);
        // an unsorted SET of two: as stored, but DER sorts it
        byte[] unsorted = new DLSet(new ASN1Encodable[] {new ASN1Integer(2), new ASN1Integer(1)}).getEncoded();
        assertThat(level(unsorted)).isEqualTo(CanonicalTlv.AS_STORED);
        assertThat(Encodings.der(ASN1Primitive.fromByteArray(unsorted))).isNotEqualTo(unsorted);
        // plain DER
        byte[] der = new DERSequence(new ASN1Encodable[] {ASN1Boolean.TRUE, new ASN1Integer(7)}).getEncoded();
        assertThat(level(der)).isEqualTo(CanonicalTlv.DER);
        // a GeneralizedTime with fractional seconds is left to Bouncy Castle
        byte[] fraction = bytes(0x18, 0x11, '2', '0', '2', '6', '0', '1', '0', '1', '0', '0', '0', '0', '0', '0', '.', '5', 'Z');
        assertThat(level(fraction)).isEqualTo(CanonicalTlv.AS_STORED);
    }

    private static int level(byte[] b) {
        CanonicalTlv t = CanonicalTlv.read(b, 0, b.length);
        return t == null ? CanonicalTlv.NONE : t.level(b);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
