package dev.vellum.validation.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttributeEncodingTest {

    private static final ASN1ObjectIdentifier SIGNATURE_TIME_STAMP = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.14");

    // The ats-hash-index v1/v2 input must be the attribute's DER, or archive time-stamps stop proving what they cover.
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, 121, 122, 123, 127, 128, 250, 255, 256, 65_520, 65_535, 65_536, 70_000, 16_777_216})
    void givesTheDerEncodingOfTheAttributeForEveryLengthForm(int valueBytes) throws Exception {
        byte[] content = new byte[valueBytes];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        byte[] value = new DEROctetString(content).getEncoded(ASN1Encoding.DER);
        byte[] type = SIGNATURE_TIME_STAMP.getEncoded(ASN1Encoding.DER);
        Attribute parsed = Attribute.getInstance(ASN1Primitive.fromByteArray(
                new Attribute(SIGNATURE_TIME_STAMP, new DERSet(new DEROctetString(content))).getEncoded(ASN1Encoding.DL)));

        assertThat(AttributeEncoding.singleValued(type, value)).isEqualTo(parsed.getEncoded(ASN1Encoding.DER));
    }
}
