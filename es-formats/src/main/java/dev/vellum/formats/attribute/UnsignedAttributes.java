package dev.vellum.formats.attribute;

import dev.vellum.formats.ValidationData;
import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.cms.Material;
import dev.vellum.formats.timestamp.Tokens;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Set;

/**
 * Typed access to the unsigned attributes of one SignerInfo. Time-stamps and countersignatures are
 * exposed on {@link dev.vellum.formats.CadesSignature}, which knows how to check them.
 */
public final class UnsignedAttributes extends AttributeList {

    private static final Map<ASN1ObjectIdentifier, Function<ASN1Encodable, ?>> DECODERS = Map.ofEntries(
            Map.entry(CadesOids.COMPLETE_CERTIFICATE_REFS, AttributeValues::otherCertIds),
            Map.entry(CadesOids.ATTRIBUTE_CERTIFICATE_REFS, AttributeValues::otherCertIds),
            Map.entry(CadesOids.COMPLETE_REVOCATION_REFS, AttributeValues::revocationRefs),
            Map.entry(CadesOids.ATTRIBUTE_REVOCATION_REFS, AttributeValues::revocationRefs),
            Map.entry(CadesOids.CERTIFICATE_VALUES, Material::certificateValues),
            Map.entry(CadesOids.REVOCATION_VALUES, Material::revocationValues),
            Map.entry(CadesOids.SIGNATURE_TIMESTAMP, Tokens::parse),
            Map.entry(CadesOids.ESC_TIMESTAMP, Tokens::parse),
            Map.entry(CadesOids.CERT_CRL_TIMESTAMP, Tokens::parse),
            Map.entry(CadesOids.ARCHIVE_TIMESTAMP_V1, Tokens::parse),
            Map.entry(CadesOids.ARCHIVE_TIMESTAMP_V2, Tokens::parse),
            Map.entry(CadesOids.ARCHIVE_TIMESTAMP_V3, Tokens::parse),
            Map.entry(CadesOids.COUNTER_SIGNATURE, org.bouncycastle.asn1.cms.SignerInfo::getInstance));

    public UnsignedAttributes(ASN1Set set) {
        super(set, false, DECODERS);
    }

    /**
     * @param storedValues the values of the k-th element of {@code set}, as stored, where the reader
     *     already holds them (see {@link dev.vellum.formats.cms.StoredElements}); null or null entries: encode
     */
    public UnsignedAttributes(ASN1Set set, java.util.function.IntFunction<List<byte[]>> storedValues) {
        super(set, false, DECODERS, storedValues);
    }

    /** complete-certificate-references (ES-C; EN 319 122-1 A.1.1.1). */
    public List<CertificateRef> completeCertificateRefs() {
        return flat(decodedValues(CadesOids.COMPLETE_CERTIFICATE_REFS));
    }

    /** complete-revocation-references (ES-C; EN 319 122-1 A.1.2.1), one entry per certificate. */
    public List<RevocationRefs> completeRevocationRefs() {
        return flat(decodedValues(CadesOids.COMPLETE_REVOCATION_REFS));
    }

    public List<CertificateRef> attributeCertificateRefs() {
        return flat(decodedValues(CadesOids.ATTRIBUTE_CERTIFICATE_REFS));
    }

    public List<RevocationRefs> attributeRevocationRefs() {
        return flat(decodedValues(CadesOids.ATTRIBUTE_REVOCATION_REFS));
    }

    /** certificate-values (ES-X-L; EN 319 122-1 A.1.1.2). */
    public List<X509Certificate> certificateValues() {
        return flat(decodedValues(CadesOids.CERTIFICATE_VALUES));
    }

    /** revocation-values (ES-X-L; EN 319 122-1 A.1.2.2). */
    public ValidationData revocationValues() {
        ValidationData all = ValidationData.EMPTY;
        for (ValidationData d : this.<ValidationData>decodedValues(CadesOids.REVOCATION_VALUES)) {
            all = all.plus(d);
        }
        return all;
    }

    /** TS 119 122-3 evidence records, internal and external. */
    public List<EvidenceRecordAttribute> evidenceRecords() {
        List<EvidenceRecordAttribute> out = new ArrayList<>();
        values(CadesOids.INTERNAL_EVIDENCE_RECORDS, AttributeValues::encoded)
                .forEach(b -> out.add(new EvidenceRecordAttribute(true, b)));
        values(CadesOids.EXTERNAL_EVIDENCE_RECORDS, AttributeValues::encoded)
                .forEach(b -> out.add(new EvidenceRecordAttribute(false, b)));
        return out;
    }

    /** signature-policy-store values as stored (EN 319 122-1 §5.2.10). */
    public List<byte[]> signaturePolicyStore() {
        return values(CadesOids.SIGNATURE_POLICY_STORE, AttributeValues::encoded);
    }

    /** long-term-validation values as stored (TS 101 733 §6.5.1, deprecated). */
    public List<byte[]> longTermValidation() {
        return values(CadesOids.LONG_TERM_VALIDATION, AttributeValues::encoded);
    }

    private static <T> List<T> flat(List<List<T>> lists) {
        List<T> out = new ArrayList<>();
        lists.forEach(out::addAll);
        return out;
    }
}
