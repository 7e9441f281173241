package dev.vellum.validation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.esf.SignerAttribute;
import org.junit.jupiter.api.Test;

/** Claimed attributes are found in signer-attributes (v1) and signer-attributes-v2, explicitly or implicitly tagged. */
class SignerAttributesTest {

    static final org.bouncycastle.asn1.x509.Attribute ROLE = new org.bouncycastle.asn1.x509.Attribute(
            new ASN1ObjectIdentifier("2.5.4.72"), new DERSet(new DERUTF8String("Head of Records")));
    static final org.bouncycastle.asn1.x509.Attribute TITLE = new org.bouncycastle.asn1.x509.Attribute(
            new ASN1ObjectIdentifier("2.5.4.12"), new DERSet(new DERUTF8String("Archivist")));

    @Test
    void signerAttributesV1ClaimedAttributesAreRead() throws Exception {
        Attribute v1 = new Attribute(new ASN1ObjectIdentifier(SignerAttributes.V1),
                new DERSet(new SignerAttribute(new org.bouncycastle.asn1.x509.Attribute[] {ROLE, TITLE})));

        SignerAttributes read = SignerAttributes.of(List.of(reparsed(v1)));

        assertThat(read.claimed()).extracting(a -> a.getAttrType().getId()).containsExactly("2.5.4.72", "2.5.4.12");
        assertThat(read.certified()).isEmpty();
    }

    @Test
    void signerAttributesV2ClaimedAttributesAreReadWithEitherTagging() throws Exception {
        Attribute explicit = new Attribute(new ASN1ObjectIdentifier(SignerAttributes.V2),
                new DERSet(new DERSequence(new DERTaggedObject(true, 0, new DERSequence(ROLE)))));
        Attribute implicit = new Attribute(new ASN1ObjectIdentifier(SignerAttributes.V2),
                new DERSet(new DERSequence(new DERTaggedObject(false, 0, new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                        ROLE, TITLE})))));

        assertThat(SignerAttributes.of(List.of(reparsed(explicit))).claimed()).containsExactly(ROLE);
        assertThat(SignerAttributes.of(List.of(reparsed(implicit))).claimed()).containsExactly(ROLE, TITLE);
        assertThat(SignerAttributes.of(List.of()).isEmpty()).isTrue();
    }

    /** As read from a signature: decoded from DER, not the objects built here. */
    static Attribute reparsed(Attribute a) throws java.io.IOException {
        return Attribute.getInstance(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(a.getEncoded("DER")));
    }
}
