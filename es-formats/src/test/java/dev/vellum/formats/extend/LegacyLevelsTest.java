package dev.vellum.formats.extend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.Check;
import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.ValidationData;
import dev.vellum.formats.ValidationDataSource;
import dev.vellum.formats.attribute.CrlRef;
import dev.vellum.formats.attribute.OcspRef;
import dev.vellum.formats.attribute.RevocationRefs;
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
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.timestamping.DigestAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.esf.CrlIdentifier;
import org.bouncycastle.asn1.esf.CrlListID;
import org.bouncycastle.asn1.esf.CrlOcspRef;
import org.bouncycastle.asn1.esf.CrlValidatedID;
import org.bouncycastle.asn1.esf.OcspIdentifier;
import org.bouncycastle.asn1.esf.OcspListID;
import org.bouncycastle.asn1.esf.OcspResponsesID;
import org.bouncycastle.asn1.esf.OtherHash;
import org.bouncycastle.asn1.ess.OtherCertID;
import org.bouncycastle.asn1.ocsp.ResponderID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;

/**
 * The legacy forms of RFC 5126 / TS 101 733 (STANDARDS.md §1.4) that {@link LegacyFormsAndRefusalTest}
 * does not build: CAdES-X Type 2, X-L without an X time-stamp, X-L Type 2, CAdES-A with a TS 101 733
 * archive time-stamp v1 built directly on a T, a long-term-validation attribute, and a TS 101 733 V2.2.1
 * archive-time-stamp-v3 with the first ats-hash-index. Each is assembled
 * here attribute by attribute, named by the detector, its references and values read back as data,
 * and extended only as EN 319 122-1 §5.5.3 allows.
 */
class LegacyLevelsTest {
    private static final byte[] CONTENT = "Legacy archive item of 2009\n".getBytes(StandardCharsets.UTF_8);
    private static final String SHA256 = DigestAlgorithm.SHA256.oid();

    private static SignedDocument read(byte[] cms) {
        return new SignedDocumentReader().read(cms);
    }

    private static CadesExtender extender() {
        return CadesExtender.builder().timestampSource(Pki.tsa()).validationDataSource(Pki.validationData()).build();
    }

    /** An enveloping CAdES-T by the ECDSA test signer. */
    private static SignedDocument cadesT() {
        byte[] cms = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build().signEnveloping(SignedContent.of(CONTENT));
        SignedDocument t = read(extender().extend(read(cms), ExtensionTarget.T).cms());
        assertThat(t.signatures().get(0).level().legacyForm()).contains(LegacyForm.T);
        return t;
    }

    /** The signer's CRL and OCSP response from the testkit services, and the CA certificates above it. */
    private record Material(List<X509Certificate> cas, X509CRL crl, ValidationData all) {
    }

    private static Material material(CadesSignature s) {
        X509Certificate signer = s.signingCertificate().orElseThrow();
        ValidationData data = Pki.validationData().validationData(new ValidationDataSource.Request(
                List.of(signer), s.knownCertificates(), Instant.now()));
        List<X509Certificate> cas = data.certificates().stream().filter(c -> !c.equals(signer)).toList();
        assertThat(data.crls()).isNotEmpty();
        assertThat(data.ocspResponses()).isNotEmpty();
        return new Material(cas, data.crls().get(0), data);
    }

    /** CAdES-C: complete-certificate-references and complete-revocation-references (EN 319 122-1 A.1.1.1, A.1.2.1). */
    private static SignedDocument cadesC(SignedDocument t, Material m) throws Exception {
        SignedDataEditor edit = new SignedDataEditor(t.parts());
        edit.addUnsignedAttribute(0, new Attribute(CadesOids.COMPLETE_CERTIFICATE_REFS, new DERSet(certRefs(m.cas()))));
        edit.addUnsignedAttribute(0, new Attribute(CadesOids.COMPLETE_REVOCATION_REFS,
                new DERSet(revocationRefs(m.crl(), m.all().ocspResponses().get(0).basic().getProducedAt(),
                        m.all().ocspResponses().get(0).encoded()))));
        SignedDocument c = read(edit.encode());
        assertThat(c.signatures().get(0).level().legacyForm()).contains(LegacyForm.C);
        return c;
    }

    /** certificate-values and revocation-values (EN 319 122-1 A.1.1.2, A.1.2.2). */
    private static SignedDocument withValues(SignedDocument doc, Material m) throws Exception {
        ASN1EncodableVector crls = new ASN1EncodableVector();
        crls.add(Encodings.parse(m.crl().getEncoded(), "CRL"));
        ASN1EncodableVector ocsps = new ASN1EncodableVector();
        ocsps.add(Encodings.parse(m.all().ocspResponses().get(0).basicEncoded(), "BasicOCSPResponse"));
        DERSequence revocationValues = new DERSequence(new ASN1EncodableVector() {
            {
                add(new DERTaggedObject(true, 0, new DERSequence(crls)));
                add(new DERTaggedObject(true, 1, new DERSequence(ocsps)));
            }
        });
        return read(new SignedDataEditor(doc.parts())
                .addUnsignedAttribute(0, new Attribute(CadesOids.CERTIFICATE_VALUES, new DERSet(certValues(m.cas()))))
                .addUnsignedAttribute(0, new Attribute(CadesOids.REVOCATION_VALUES, new DERSet(revocationValues)))
                .encode());
    }

    @Test
    void xType2AndXlType2AreNamedTheirTimestampCheckedAndTheirReferencesAndValuesReadAsData() throws Exception {
        SignedDocument t = cadesT();
        Material m = material(t.signatures().get(0));
        SignedDocument c = cadesC(t, m);

        CadesSignature cs = c.signatures().get(0);
        assertThat(cs.unsignedAttributes().completeCertificateRefs()).hasSize(m.cas().size())
                .allSatisfy(r -> assertThat(m.cas()).anyMatch(r::matches));
        RevocationRefs refs = cs.unsignedAttributes().completeRevocationRefs().get(0);
        CrlRef crlRef = refs.crls().get(0);
        assertThat(crlRef.hash()).isEqualTo(sha256(m.crl().getEncoded()));
        assertThat(crlRef.issuer()).contains(m.crl().getIssuerX500Principal());
        assertThat(crlRef.issuedTime()).contains(m.crl().getThisUpdate().toInstant());
        OcspRef ocspRef = refs.ocspResponses().get(0);
        assertThat(ocspRef.producedAt()).isEqualTo(m.all().ocspResponses().get(0).basic().getProducedAt().toInstant());
        assertThat(ocspRef.hash()).hasValueSatisfying(h -> assertThat(h).isEqualTo(sha256(m.all().ocspResponses().get(0).encoded())));

        // X Type 2: time-stamped-certs-crls-references over the two reference attributes (§1.2 D)
        TimeStampToken x2 = Pki.tsa().timestamp(DigestAlgorithm.SHA256, Imprints.certsCrlsTimestamp(SHA256, cs.rawSignerInfo()));
        SignedDocument x = read(new SignedDataEditor(c.parts())
                .addUnsignedAttribute(0, new Attribute(CadesOids.CERT_CRL_TIMESTAMP, new DERSet(token(x2)))).encode());
        CadesSignature xs = x.signatures().get(0);
        assertThat(xs.level().legacyForm()).contains(LegacyForm.X_TYPE2);
        assertThat(xs.level().baseline()).isEqualTo(BaselineLevel.B_T);
        EmbeddedTimestamp type2 = xs.timestamps(TimestampKind.CERTS_CRLS_TYPE2).get(0);
        assertThat(type2.imprintCheck().passed()).as(type2.imprintCheck().detail()).isTrue();

        SignedDocument xl = withValues(x, m);
        CadesSignature xls = xl.signatures().get(0);
        assertThat(xls.level().legacyForm()).contains(LegacyForm.X_L_TYPE2);
        assertThat(xls.unsignedAttributes().certificateValues()).containsExactlyElementsOf(m.cas());
        ValidationData values = xls.unsignedAttributes().revocationValues();
        assertThat(values.crls()).containsExactly(m.crl());
        assertThat(values.ocspResponses()).hasSize(1);
        assertThat(values.ocspResponses().get(0).basicEncoded()).isEqualTo(m.all().ocspResponses().get(0).basicEncoded());
        assertThat(xls.cryptographicallyIntact()).isTrue();

        // a reference attribute changed after the X time-stamp is caught by its imprint
        SignedDocument changed = read(new SignedDataEditor(xl.parts())
                .addUnsignedAttribute(0, new Attribute(CadesOids.COMPLETE_REVOCATION_REFS, new DERSet(new DERSequence()))).encode());
        assertThat(changed.signatures().get(0).timestamps(TimestampKind.CERTS_CRLS_TYPE2).get(0).imprintCheck().status())
                .isEqualTo(Check.Status.FAILED);
    }

    @Test
    void xlWithoutAnXTimestampIsPlainXlAndExtendsToCadesAKeepingEveryLegacyAttribute() throws Exception {
        SignedDocument t = cadesT();
        Material m = material(t.signatures().get(0));
        SignedDocument xl = withValues(cadesC(t, m), m);
        CadesSignature s = xl.signatures().get(0);
        assertThat(s.level().legacyForm()).contains(LegacyForm.X_L);
        assertThat(s.level().notes()).anyMatch(n -> n.contains("B-LT forbids"));

        SignedDocument a = read(extender().extend(xl, ExtensionTarget.LTA).cms());
        CadesSignature as = a.signatures().get(0);
        assertThat(as.level().legacyForm()).contains(LegacyForm.A);
        assertThat(as.rawSignerInfo().signedFieldsEncoded()).isEqualTo(s.rawSignerInfo().signedFieldsEncoded());
        for (var oid : List.of(CadesOids.COMPLETE_CERTIFICATE_REFS, CadesOids.COMPLETE_REVOCATION_REFS,
                CadesOids.CERTIFICATE_VALUES, CadesOids.REVOCATION_VALUES, CadesOids.SIGNATURE_TIMESTAMP)) {
            assertThat(as.unsignedAttributes().has(oid)).as(oid.getId()).isTrue();
        }
        EmbeddedTimestamp ats = as.timestamps(TimestampKind.ARCHIVE_V3).get(0);
        assertThat(ats.imprintCheck().passed()).as(ats.imprintCheck().detail()).isTrue();
        assertThat(ats.hashIndexCheck().passed()).as(ats.hashIndexCheck().detail()).isTrue();
    }

    /** TS 101 733 ≤ 1.6.3 archiveTimestamp (v1, 1.2.840.113549.1.9.16.2.27) directly on a T: CAdES-A. */
    @Test
    void ts101733ArchiveTimestampV1MakesCadesARefusesLtAndTakesTheMaterialIntoTheNewToken() throws Exception {
        SignedDocument t = cadesT();
        CadesSignature ts = t.signatures().get(0);
        TimeStampToken v1 = Pki.tsa().timestamp(DigestAlgorithm.SHA256, sha256(ts.rawSignerInfo().signedFieldsEncoded()));
        SignedDocument a = read(new SignedDataEditor(t.parts())
                .addUnsignedAttribute(0, new Attribute(CadesOids.ARCHIVE_TIMESTAMP_V1, new DERSet(token(v1)))).encode());
        CadesSignature as = a.signatures().get(0);
        assertThat(as.level().legacyForm()).contains(LegacyForm.A);
        EmbeddedTimestamp atsV1 = as.timestamps(TimestampKind.ARCHIVE_V1).get(0);
        assertThat(atsV1.imprintCheck().status()).as(atsV1.imprintCheck().detail()).isEqualTo(Check.Status.NOT_CHECKED);

        assertThatThrownBy(() -> extender().extend(a, ExtensionTarget.LT))
                .isInstanceOf(SignatureFormatException.class)
                .hasMessageContaining("cannot extend to LT")
                .hasMessageContaining("S1 has ")
                .hasMessageContaining("§5.5.3").hasMessageContaining("extend to LTA instead");

        int certsBefore = a.signedDataMaterial().certificates().size();
        ExtendedDocument extended = extender().extend(a, ExtensionTarget.LTA);
        assertThat(extended.actions()).anyMatch(x -> x.contains("validation data goes into the new archive token"));
        SignedDocument v3 = read(extended.cms());
        assertThat(v3.signedDataMaterial().certificates()).hasSize(certsBefore);
        assertThat(v3.signedDataMaterial().hasRevocationData()).isFalse();
        EmbeddedTimestamp ats = v3.signatures().get(0).timestamps(TimestampKind.ARCHIVE_V3).get(0);
        assertThat(ats.imprintCheck().passed()).as(ats.imprintCheck().detail()).isTrue();
        assertThat(ats.tokenData().hasRevocationData()).isTrue();
        assertThat(v3.signatures().get(0).timestamps(TimestampKind.ARCHIVE_V1)).hasSize(1);
    }

    /** TS 101 733 V2.2.1 §6.5.1 long-term-validation: SignedData's certificates and CRLs are frozen too. */
    @Test
    void aLongTermValidationAttributeFreezesSignedDataAsWell() throws Exception {
        SignedDocument t = cadesT();
        ASN1Primitive ltv = new DERSequence(new ASN1GeneralizedTime(Date.from(Instant.parse("2012-03-01T10:00:00Z"))));
        SignedDocument withLtv = read(new SignedDataEditor(t.parts())
                .addUnsignedAttribute(0, new Attribute(CadesOids.LONG_TERM_VALIDATION, new DERSet(ltv))).encode());
        assertThat(withLtv.signatures().get(0).unsignedAttributes().longTermValidation()).singleElement()
                .satisfies(b -> assertThat(b).isEqualTo(ltv.getEncoded()));

        assertThatThrownBy(() -> extender().extend(withLtv, ExtensionTarget.LT))
                .isInstanceOf(SignatureFormatException.class)
                .hasMessageContaining("cannot extend to LT").hasMessageContaining("§5.5.3");
        SignedDocument lta = read(extender().extend(withLtv, ExtensionTarget.LTA).cms());
        assertThat(lta.signedDataMaterial().hasRevocationData()).isFalse();
        assertThat(lta.signatures().get(0).timestamps(TimestampKind.ARCHIVE_V3).get(0).tokenData().hasRevocationData()).isTrue();
    }

    /**
     * TS 101 733 V2.2.1 (2013–2015) archive-time-stamp-v3 with the first ats-hash-index (0.4.0.1733.2.5:
     * no hashIndAlgorithm, SHA-256 by DEFAULT; unsignedAttrsHashIndex over whole Attributes,
     * STANDARDS.md §1.2 F2): imprint and index check, a forged index entry caught, renewed with our
     * v3 index, and DSS passes the result with both archive time-stamps.
     */
    @Test
    void ts101733AtsV3WithTheFirstHashIndexIsCheckedAndRenewed() throws Exception {
        byte[] cms = CadesSigner.builder(Pki.key(KeyType.RSA_2048)).build().signEnveloping(SignedContent.of(CONTENT));
        SignedDocument lt = read(extender().extend(read(cms), ExtensionTarget.LT).cms());

        SignedDocument a = read(withV1IndexAts(lt, false));
        CadesSignature as = a.signatures().get(0);
        EmbeddedTimestamp ats = as.timestamps(TimestampKind.ARCHIVE_V3).get(0);
        assertThat(ats.hashIndex()).hasValueSatisfying(i -> {
            assertThat(i.version()).isEqualTo(1);
            assertThat(i.hashAlgorithmOid()).isEqualTo(SHA256);
        });
        assertThat(ats.imprintCheck().passed()).as(ats.imprintCheck().detail()).isTrue();
        assertThat(ats.hashIndexCheck().passed()).as(ats.hashIndexCheck().detail()).isTrue();
        assertThat(as.level().baseline()).isEqualTo(BaselineLevel.B_LTA);
        assertThat(as.level().legacyForm()).contains(LegacyForm.A);

        EmbeddedTimestamp forged = read(withV1IndexAts(lt, true)).signatures().get(0).timestamps(TimestampKind.ARCHIVE_V3).get(0);
        assertThat(forged.imprintCheck().passed()).isTrue();
        assertThat(forged.hashIndexCheck().status()).isEqualTo(Check.Status.FAILED);
        assertThat(forged.hashIndexCheck().detail()).contains("matches no attribute value");

        byte[] renewed = extender().extend(a, ExtensionTarget.LTA).cms();
        CadesSignature rs = read(renewed).signatures().get(0);
        assertThat(rs.timestamps(TimestampKind.ARCHIVE_V3)).hasSize(2).allSatisfy(t -> {
            assertThat(t.imprintCheck().passed()).as(t.imprintCheck().detail()).isTrue();
            assertThat(t.hashIndexCheck().passed()).as(t.hashIndexCheck().detail()).isTrue();
        });
        dev.vellum.formats.support.Dss.Verdict dss = dev.vellum.formats.support.Dss.validate(renewed, java.util.Optional.empty(),
                Pki.root(), ValidationData.EMPTY).get(0);
        assertThat(dss.format()).as(dss.toString()).isEqualTo(eu.europa.esig.dss.enumerations.SignatureLevel.CAdES_BASELINE_LTA);
        assertThat(dss.indication()).as(dss.toString()).isEqualTo(eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED);
        assertThat(dss.validArchiveTimestamps()).isEqualTo(2);
    }

    /** An ATSv3 as TS 101 733 V2.2.1 made it: ats-hash-index (v1) in the token, imprint by recipe §1.2 F. */
    private static byte[] withV1IndexAts(SignedDocument doc, boolean forgeAnEntry) throws Exception {
        var parts = doc.parts();
        CadesSignature s = doc.signatures().get(0);
        ASN1EncodableVector certs = new ASN1EncodableVector();
        parts.certificateChoices().forEach(c -> certs.add(new DEROctetString(sha256(Encodings.asStored(c)))));
        ASN1EncodableVector crls = new ASN1EncodableVector();
        parts.revocationChoices().forEach(c -> crls.add(new DEROctetString(sha256(Encodings.asStored(c)))));
        ASN1EncodableVector attrs = new ASN1EncodableVector();
        s.rawSignerInfo().unsignedAttributes().forEach(x -> attrs.add(new DEROctetString(sha256(Encodings.asStored(x)))));
        if (forgeAnEntry) {
            attrs.add(new DEROctetString(sha256("an attribute that was never there".getBytes(StandardCharsets.UTF_8))));
        }
        DERSequence index = new DERSequence(new ASN1Encodable[] {new DERSequence(certs), new DERSequence(crls), new DERSequence(attrs)});
        byte[] imprint = Imprints.archiveV3(SHA256, parts, parts.content().orElseThrow(), s.rawSignerInfo(), Encodings.der(index));
        TimeStampToken token = Pki.tsa().timestamp(DigestAlgorithm.SHA256, imprint);
        byte[] tokenWithIndex = new SignedDataEditor(dev.vellum.formats.cms.SignedDataParts.parse(token.getEncoded(),
                java.util.Optional.empty(), "token"))
                .addUnsignedAttribute(0, new Attribute(CadesOids.ATS_HASH_INDEX_V1, new DERSet(index))).encode();
        return new SignedDataEditor(parts)
                .addDigestAlgorithm(DigestAlgorithm.SHA256.algorithmIdentifier())
                .addUnsignedAttribute(0, new Attribute(CadesOids.ARCHIVE_TIMESTAMP_V3,
                        new DERSet(Encodings.parse(tokenWithIndex, "archive time-stamp")))).encode();
    }

    private static DERSequence certRefs(List<X509Certificate> certs) throws Exception {
        ASN1EncodableVector v = new ASN1EncodableVector();
        for (X509Certificate c : certs) {
            v.add(new OtherCertID(new AlgorithmIdentifier(DigestAlgorithm.SHA256.asn1Oid()), sha256(c.getEncoded())));
        }
        return new DERSequence(v);
    }

    private static DERSequence revocationRefs(X509CRL crl, Date ocspProducedAt, byte[] ocspResponse) throws Exception {
        AlgorithmIdentifier sha256 = new AlgorithmIdentifier(DigestAlgorithm.SHA256.asn1Oid());
        CrlIdentifier id = new CrlIdentifier(X500Name.getInstance(crl.getIssuerX500Principal().getEncoded()),
                new ASN1UTCTime(crl.getThisUpdate()), java.math.BigInteger.ONE);
        CrlValidatedID crlId = new CrlValidatedID(
                new OtherHash(new org.bouncycastle.asn1.esf.OtherHashAlgAndValue(sha256,
                        new org.bouncycastle.asn1.DEROctetString(sha256(crl.getEncoded())))), id);
        OcspResponsesID ocspId = new OcspResponsesID(
                new OcspIdentifier(new ResponderID(X500Name.getInstance(crl.getIssuerX500Principal().getEncoded())),
                        new ASN1GeneralizedTime(ocspProducedAt)),
                new OtherHash(new org.bouncycastle.asn1.esf.OtherHashAlgAndValue(sha256,
                        new org.bouncycastle.asn1.DEROctetString(sha256(ocspResponse)))));
        CrlOcspRef ref = new CrlOcspRef(new CrlListID(new CrlValidatedID[] {crlId}),
                new OcspListID(new OcspResponsesID[] {ocspId}), null);
        return new DERSequence(ref);
    }

    private static DERSequence certValues(List<X509Certificate> certs) throws Exception {
        ASN1EncodableVector v = new ASN1EncodableVector();
        for (X509Certificate c : certs) {
            v.add(Encodings.parse(c.getEncoded(), "certificate"));
        }
        return new DERSequence(v);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ASN1Primitive token(TimeStampToken t) throws Exception {
        return Encodings.parse(t.getEncoded(), "token");
    }
}
