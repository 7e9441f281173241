package dev.vellum.formats.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.attribute.RawAttribute;
import dev.vellum.formats.cms.SignedDataEditor;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.formats.support.Pki;
import dev.vellum.testkit.corpus.Corpus;
import dev.vellum.testkit.pki.KeyType;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.junit.jupiter.api.Test;

class AttributeAccessTest {

    @Test
    void essAttributesOfRfc4134SignedAttributesExampleAreTyped() {
        CadesSignature s = new SignedDocumentReader().read(Corpus.bytes("rfc4134/4.10.bin")).signatures().get(0);
        assertThat(s.signedAttributes().securityLabel().orElseThrow().policyIdentifier()).contains("1.2.3.4.5.6.7.8");
        assertThat(s.signedAttributes().contentHints().orElseThrow().contentTypeOid()).isEqualTo("1.2.840.113549.1.7.1");
        assertThat(s.signedAttributes().contentReference()).isPresent();
        assertThat(s.signedAttributes().all()).extracting(a -> a.name().orElse(a.oid()))
                .contains("security-label", "content-hints", "content-reference", "smime-encryption-key-preference");
        assertThat(s.signedAttributes().unknown()).extracting(RawAttribute::oid).contains("1.2.5555");
        assertThat(s.signedAttributes().malformed()).isEmpty();
    }

    @Test
    void unknownUnsignedAttributesAreListedAndSurviveExtension() {
        byte[] cms = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build()
                .signEnveloping(SignedContent.of("x".getBytes(StandardCharsets.US_ASCII)));
        SignedDocument doc = new SignedDocumentReader().read(cms);
        Attribute custom = new Attribute(new ASN1ObjectIdentifier("2.999.77.1"), new DERSet(new DERUTF8String("archive note")));
        SignedDocument withCustom = new SignedDocumentReader().read(new SignedDataEditor(doc.parts()).addUnsignedAttribute(0, custom).encode());
        assertThat(withCustom.signatures().get(0).unsignedAttributes().unknown()).extracting(RawAttribute::oid).containsExactly("2.999.77.1");

        SignedDocument lta = new SignedDocumentReader().read(CadesExtender.builder().timestampSource(Pki.tsa())
                .validationDataSource(Pki.validationData()).build().extend(withCustom, ExtensionTarget.LTA).cms());
        RawAttribute kept = lta.signatures().get(0).unsignedAttributes().unknown().get(0);
        assertThat(kept.oid()).isEqualTo("2.999.77.1");
        assertThat(kept.values().get(0)).isEqualTo(withCustom.signatures().get(0).unsignedAttributes().unknown().get(0).values().get(0));
        // the ATSv3 hash index covers it
        assertThat(lta.signatures().get(0).timestamps().stream().filter(t -> t.hashIndex().isPresent()).findFirst().orElseThrow()
                .hashIndex().orElseThrow().unsignedAttributes()).hasSize(2);
    }
}
