package dev.vellum.formats.extend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.cms.Encodings;
import dev.vellum.formats.cms.SignedDataEditor;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.level.BaselineLevel;
import dev.vellum.formats.level.LegacyForm;
import dev.vellum.formats.support.Pki;
import dev.vellum.formats.timestamp.EmbeddedTimestamp;
import dev.vellum.formats.timestamp.Imprints;
import dev.vellum.formats.timestamp.TimestampKind;
import dev.vellum.testkit.corpus.Corpus;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.ers.DataObject;
import dev.vellum.timestamping.ers.EvidenceBatch;
import dev.vellum.timestamping.ers.EvidenceRecord;
import dev.vellum.timestamping.ers.EvidenceRecordVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.ess.OtherCertID;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;

class LegacyFormsAndRefusalTest {
    private static final byte[] CONTENT = "Legacy archive item\n".getBytes(StandardCharsets.UTF_8);

    private static SignedDocument read(byte[] cms) {
        return new SignedDocumentReader().read(cms);
    }

    private static CadesExtender extender() {
        return CadesExtender.builder().timestampSource(Pki.tsa()).validationDataSource(Pki.validationData()).build();
    }

    @Test
    void tamperedSignaturesAreRefusedUnlessForced() {
        SignedDocument tampered = new SignedDocumentReader().read(Corpus.bytes("openssl/messages/22-tampered-econtent.p7m"));
        assertThatThrownBy(() -> extender().extend(tampered, ExtensionTarget.T))
                .isInstanceOf(SignatureFormatException.class)
                .hasMessageContaining("refusing to extend signature S1")
                .hasMessageContaining("message-digest");
        ExtendedDocument forced = CadesExtender.builder().timestampSource(Pki.tsa()).force(true).build()
                .extend(tampered, ExtensionTarget.T);
        assertThat(read(forced.cms()).signatures().get(0).timestamps(TimestampKind.SIGNATURE)).hasSize(1);
    }

    @Test
    void detachedWithoutContentCannotBeExtended() {
        SignedDocument noContent = new SignedDocumentReader().read(Corpus.bytes("openssl/messages/12-valid-detached.p7s"));
        assertThatThrownBy(() -> extender().extend(noContent, ExtensionTarget.LTA))
                .isInstanceOf(SignatureFormatException.class).hasMessageContaining("no content supplied");
    }

    /** A CAdES-X-L Type 1 built here by hand (refs, values, ESC time-stamp), then extended to A with an ATSv3. */
    @Test
    void legacyXlType1IsDetectedAndExtendsToCadesA() {
        byte[] cms = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build().signEnveloping(SignedContent.of(CONTENT));
        cms = extender().extend(read(cms), ExtensionTarget.T).cms();
        SignedDocument t = read(cms);
        CadesSignature s = t.signatures().get(0);
        X509Certificate signer = s.signingCertificate().orElseThrow();
        List<X509Certificate> cas = s.knownCertificates().stream().filter(c -> !c.equals(signer)).toList();

        SignedDataEditor edit = new SignedDataEditor(t.parts());
        edit.addUnsignedAttribute(0, new Attribute(CadesOids.COMPLETE_CERTIFICATE_REFS, new DERSet(certRefs(cas))));
        edit.addUnsignedAttribute(0, new Attribute(CadesOids.COMPLETE_REVOCATION_REFS, new DERSet(new DERSequence())));
        SignedDocument c = read(edit.encode());
        assertThat(c.signatures().get(0).level().legacyForm()).contains(LegacyForm.C);

        String sha256 = DigestAlgorithm.SHA256.oid();
        TimeStampToken esc = Pki.tsa().timestamp(DigestAlgorithm.SHA256, Imprints.escTimestamp(sha256, c.signatures().get(0).rawSignerInfo()));
        SignedDataEditor x = new SignedDataEditor(c.parts());
        x.addUnsignedAttribute(0, new Attribute(CadesOids.ESC_TIMESTAMP, new DERSet(token(esc))));
        x.addUnsignedAttribute(0, new Attribute(CadesOids.CERTIFICATE_VALUES, new DERSet(certValues(cas))));
        x.addUnsignedAttribute(0, new Attribute(CadesOids.REVOCATION_VALUES, new DERSet(new DERSequence())));
        SignedDocument xl = read(x.encode());
        CadesSignature xs = xl.signatures().get(0);
        assertThat(xs.level().legacyForm()).contains(LegacyForm.X_L_TYPE1);
        assertThat(xs.level().baseline()).isEqualTo(BaselineLevel.B_T);
        assertThat(xs.level().notes()).anyMatch(n -> n.contains("B-LT forbids"));
        EmbeddedTimestamp escToken = xs.timestamps(TimestampKind.ESC_TYPE1).get(0);
        assertThat(escToken.imprintCheck().passed()).as(escToken.imprintCheck().detail()).isTrue();
        assertThat(xs.unsignedAttributes().completeCertificateRefs()).hasSize(cas.size());
        assertThat(xs.unsignedAttributes().certificateValues()).containsExactlyElementsOf(cas);

        SignedDocument a = read(extender().extend(xl, ExtensionTarget.LTA).cms());
        CadesSignature as = a.signatures().get(0);
        assertThat(as.level().legacyForm()).contains(LegacyForm.A);
        EmbeddedTimestamp ats = as.timestamps(TimestampKind.ARCHIVE_V3).get(0);
        assertThat(ats.imprintCheck().passed()).as(ats.imprintCheck().detail()).isTrue();
        assertThat(as.timestamps(TimestampKind.ESC_TYPE1).get(0).imprintCheck().passed()).isTrue();
    }

    /** An ATSv2 (RFC 5126) signature: read and checked; LT refused; LTA puts its material in the new token. */
    @Test
    void atsV2SignatureRefusesLtAndTakesAnAtsV3WithMaterialInsideTheToken() {
        byte[] cms = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build().signEnveloping(SignedContent.of(CONTENT));
        SignedDocument t = read(extender().extend(read(cms), ExtensionTarget.LT).cms());
        CadesSignature s = t.signatures().get(0);
        byte[] imprint = Imprints.archiveV2(DigestAlgorithm.SHA256.oid(), t.parts(), s.rawSignerInfo(),
                s.rawSignerInfo().unsignedAttributes(), true).orElseThrow();
        TimeStampToken atsV2 = Pki.tsa().timestamp(DigestAlgorithm.SHA256, imprint);
        SignedDocument a = read(new SignedDataEditor(t.parts())
                .addUnsignedAttribute(0, new Attribute(CadesOids.ARCHIVE_TIMESTAMP_V2, new DERSet(token(atsV2)))).encode());
        CadesSignature as = a.signatures().get(0);
        assertThat(as.level().legacyForm()).contains(LegacyForm.A);
        assertThat(as.timestamps(TimestampKind.ARCHIVE_V2).get(0).imprintCheck().passed())
                .as(as.timestamps(TimestampKind.ARCHIVE_V2).get(0).imprintCheck().detail()).isTrue();

        assertThatThrownBy(() -> extender().extend(a, ExtensionTarget.LT))
                .isInstanceOf(SignatureFormatException.class).hasMessageContaining("archive-time-stamp-v2")
                .hasMessageContaining("§5.5.3");

        int certsBefore = a.signedDataMaterial().certificates().size();
        SignedDocument v3 = read(extender().extend(a, ExtensionTarget.LTA).cms());
        assertThat(v3.signedDataMaterial().certificates()).hasSize(certsBefore);
        EmbeddedTimestamp ats = v3.signatures().get(0).timestamps(TimestampKind.ARCHIVE_V3).get(0);
        assertThat(ats.imprintCheck().passed()).isTrue();
        assertThat(ats.tokenData().hasRevocationData()).isTrue();
        // the older ATSv2 still verifies: the new ATSv3 is newer, so it is not in the ATSv2's input
        assertThat(v3.signatures().get(0).timestamps(TimestampKind.ARCHIVE_V2).get(0).imprintCheck().passed()).isTrue();
    }

    @Test
    void evidenceRecordIsEmbeddedAsTs119122Part3AttributeAndVerifies() {
        byte[] cms = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build().signEnveloping(SignedContent.of(CONTENT));
        SignedDocument doc = read(cms);
        byte[] input = CadesExtender.evidenceRecordInput(doc);
        EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
        batch.addContent(input);
        EvidenceRecord er = batch.seal(Pki.tsa()).record(0);

        ExtendedDocument withEr = extender().embedEvidenceRecord(doc, 0, er.encoded());
        CadesSignature s = read(withEr.cms()).signatures().get(0);
        assertThat(s.unsignedAttributes().evidenceRecords()).singleElement()
                .satisfies(e -> assertThat(e.internal()).isTrue());
        assertThat(s.rawSignerInfo().signedFieldsEncoded()).isEqualTo(doc.signatures().get(0).rawSignerInfo().signedFieldsEncoded());
        EvidenceRecord embedded = EvidenceRecord.parse(s.unsignedAttributes().evidenceRecords().get(0).encoded());
        var verification = new EvidenceRecordVerifier(dev.vellum.timestamping.verify.TokenVerifier.builder()
                .trustAnchor(Pki.root()).build()).verify(embedded, List.of(new DataObject.Content(input)), Instant.now());
        assertThat(verification.valid()).as(verification.message()).isTrue();
    }

    private static DERSequence certRefs(List<X509Certificate> certs) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        for (X509Certificate c : certs) {
            v.add(new OtherCertID(new AlgorithmIdentifier(DigestAlgorithm.SHA256.asn1Oid()), sha256(c)));
        }
        return new DERSequence(v);
    }

    private static DERSequence certValues(List<X509Certificate> certs) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        for (X509Certificate c : certs) {
            try {
                v.add(Encodings.parse(c.getEncoded(), "cert"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return new DERSequence(v);
    }

    private static byte[] sha256(X509Certificate c) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static org.bouncycastle.asn1.ASN1Primitive token(TimeStampToken t) {
        try {
            return Encodings.parse(t.getEncoded(), "token");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
