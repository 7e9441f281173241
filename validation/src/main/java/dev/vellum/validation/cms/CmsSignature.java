package dev.vellum.validation.cms;

import dev.vellum.validation.container.FormatFailure;
import dev.vellum.validation.container.SignedFile;
import dev.vellum.validation.x509.Fingerprints;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.OtherRevocationInfoFormat;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.esf.RevocationValues;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * One SignerInfo of a CMS SignedData, read for validation: signed and unsigned attributes the
 * processes need, the validation data the signature carries, and the time-stamps. Immutable.
 *
 * <p>This is the validator's own narrow reading, enough for EN 319 102-1; container-level reading,
 * creation and extension belong to es-formats.
 */
public final class CmsSignature {

    private final CMSSignedData signedData;
    private final SignerInformation signer;
    private final byte[] signedContent;
    private final int index;

    private CmsSignature(CMSSignedData signedData, SignerInformation signer, byte[] signedContent, int index) {
        this.signedData = signedData;
        this.signer = signer;
        this.signedContent = signedContent;
        this.index = index;
    }

    /** The one SignerInfo of a time-stamp token, read like a signature (its content is the TSTInfo). */
    public static CmsSignature ofTimestamp(TimeStampToken token) {
        CMSSignedData data = token.toCMSSignedData();
        SignerInformation signer = data.getSignerInfos().getSigners().iterator().next();
        byte[] content = data.getSignedContent() != null && data.getSignedContent().getContent() instanceof byte[] b ? b : null;
        return new CmsSignature(data, signer, content, 0);
    }

    /** Every SignerInfo of the file's SignedData; {@link FormatFailure} when the CMS cannot be read. */
    public static List<CmsSignature> read(SignedFile file) {
        CMSSignedData data;
        try {
            ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(file.cms()));
            if (info == null || !info.getContentType().equals(org.bouncycastle.asn1.cms.CMSObjectIdentifiers.signedData)) {
                throw new FormatFailure("the CMS is not SignedData (content type "
                        + (info == null ? "none" : info.getContentType()) + ")");
            }
            data = new CMSSignedData(info);
            byte[] content = null;
            if (data.getSignedContent() != null && data.getSignedContent().getContent() instanceof byte[] b) {
                content = b;
            } else if (file.detachedContent().isPresent()) {
                content = file.detachedContent().get();
                data = new CMSSignedData(new CMSProcessableByteArray(data.getSignedContentTypeOID() == null
                        ? org.bouncycastle.asn1.cms.CMSObjectIdentifiers.data
                        : new ASN1ObjectIdentifier(data.getSignedContentTypeOID()), content), info);
            }
            List<CmsSignature> out = new ArrayList<>();
            int i = 0;
            for (SignerInformation s : data.getSignerInfos().getSigners()) {
                out.add(new CmsSignature(data, s, content, i++));
            }
            if (out.isEmpty()) {
                throw new FormatFailure("the SignedData has no SignerInfo");
            }
            return out;
        } catch (IOException | CMSException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new FormatFailure("the CMS SignedData cannot be decoded: " + e.getMessage(), e);
        }
    }

    public CMSSignedData signedData() {
        return signedData;
    }

    public SignerInformation signerInformation() {
        return signer;
    }

    /** Position of the SignerInfo in the SignedData. */
    public int index() {
        return index;
    }

    /** SHA-256 of the signature value, hex: the signature's id in reports. */
    public String id() {
        return Fingerprints.sha256Hex(signer.getSignature());
    }

    public byte[] signatureValue() {
        return signer.getSignature().clone();
    }

    /** The signed content (encapsulated or detached), if available. */
    public Optional<byte[]> signedContent() {
        return Optional.ofNullable(signedContent).map(byte[]::clone);
    }

    public String digestAlgorithmOid() {
        return signer.getDigestAlgOID();
    }

    public boolean hasSignedAttributes() {
        return signer.getSignedAttributes() != null;
    }

    /** The signing-time attribute, if present and readable. */
    public Optional<Instant> signingTime() {
        Attribute a = signedAttribute(CadesOids.SIGNING_TIME);
        if (a == null || a.getAttrValues().size() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(Time.getInstance(a.getAttrValues().getObjectAt(0)).getDate().toInstant());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** ESS signing-certificate(-v2) references (the first one designates the signer). */
    public List<SigningCertificateRef> signingCertificateRefs() {
        List<SigningCertificateRef> refs = new ArrayList<>();
        try {
            Attribute v2 = signedAttribute(CadesOids.SIGNING_CERTIFICATE_V2);
            if (v2 != null) {
                for (ESSCertIDv2 id : SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts()) {
                    refs.add(new SigningCertificateRef(id.getHashAlgorithm().getAlgorithm().getId(), id.getCertHash(),
                            id.getIssuerSerial() == null ? null : id.getIssuerSerial().getSerial().getValue(), true));
                }
            }
            Attribute v1 = signedAttribute(CadesOids.SIGNING_CERTIFICATE);
            if (v1 != null) {
                for (ESSCertID id : SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0)).getCerts()) {
                    refs.add(new SigningCertificateRef("1.3.14.3.2.26", id.getCertHash(),
                            id.getIssuerSerial() == null ? null : id.getIssuerSerial().getSerial().getValue(), false));
                }
            }
        } catch (RuntimeException malformed) {
            refs.add(SigningCertificateRef.MALFORMED);
        }
        return refs;
    }

    /** A reference from ESS signing-certificate(-v2): hash algorithm, certificate hash, serial hint. */
    public record SigningCertificateRef(String hashAlgorithmOid, byte[] hash, BigInteger serial, boolean v2) {
        static final SigningCertificateRef MALFORMED = new SigningCertificateRef("", new byte[0], null, true);

        public boolean malformed() {
            return hash.length == 0;
        }
    }

    /** Certificates the signature carries: SignedData.certificates plus certificate-values. */
    public List<X509Certificate> certificates() {
        List<X509Certificate> out = new ArrayList<>();
        for (Object h : signedData.getCertificates().getMatches(null)) {
            toX509(((org.bouncycastle.cert.X509CertificateHolder) h).toASN1Structure()).ifPresent(out::add);
        }
        Attribute values = unsignedAttribute(CadesOids.CERTIFICATE_VALUES);
        if (values != null) {
            try {
                for (ASN1Encodable c : ASN1Sequence.getInstance(values.getAttrValues().getObjectAt(0))) {
                    toX509(Certificate.getInstance(c)).ifPresent(out::add);
                }
            } catch (RuntimeException ignored) {
                // a malformed certificate-values attribute adds nothing
            }
        }
        return out;
    }

    /** CRLs (DER) from SignedData.crls and revocation-values. */
    public List<byte[]> crls() {
        List<byte[]> out = new ArrayList<>();
        for (Object h : signedData.getCRLs().getMatches(null)) {
            out.add(encode(((org.bouncycastle.cert.X509CRLHolder) h).toASN1Structure()));
        }
        revocationValues().ifPresent(rv -> {
            if (rv.getCrlVals() != null) {
                for (CertificateList c : rv.getCrlVals()) {
                    out.add(encode(c));
                }
            }
        });
        return out.stream().filter(b -> b.length > 0).toList();
    }

    /** OCSP responses (DER OCSPResponse or BasicOCSPResponse) from SignedData.crls (RFC 5940) and revocation-values. */
    public List<byte[]> ocspResponses() {
        List<byte[]> out = new ArrayList<>();
        out.addAll(otherRevocation(CadesOids.OCSP_RESPONSE_FORMAT));
        out.addAll(otherRevocation(CadesOids.OCSP_BASIC_FORMAT));
        revocationValues().ifPresent(rv -> {
            if (rv.getOcspVals() != null) {
                for (BasicOCSPResponse b : rv.getOcspVals()) {
                    out.add(encode(b));
                }
            }
        });
        return out.stream().filter(b -> b.length > 0).toList();
    }

    private List<byte[]> otherRevocation(ASN1ObjectIdentifier format) {
        List<byte[]> out = new ArrayList<>();
        try {
            for (Object o : signedData.getOtherRevocationInfo(format).getMatches(null)) {
                out.add(encode(((ASN1Encodable) o).toASN1Primitive()));
            }
        } catch (RuntimeException ignored) {
            // malformed entries add nothing
        }
        return out;
    }

    private Optional<RevocationValues> revocationValues() {
        Attribute a = unsignedAttribute(CadesOids.REVOCATION_VALUES);
        if (a == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RevocationValues.getInstance(a.getAttrValues().getObjectAt(0)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Signature time-stamps (tokens that fail to decode are reported by {@link #undecodableTimestamps()}). */
    public List<TimeStampToken> signatureTimestamps() {
        return tokens(CadesOids.SIGNATURE_TIMESTAMP);
    }

    public List<TimeStampToken> contentTimestamps() {
        return tokens(CadesOids.CONTENT_TIMESTAMP);
    }

    /** Archive time-stamps v3 (EN 319 122-1 §5.5.3) and v2 (RFC 5126 §6.4.1). */
    public List<ArchiveTimestamp> archiveTimestamps() {
        List<ArchiveTimestamp> out = new ArrayList<>();
        for (TimeStampToken t : tokens(CadesOids.ARCHIVE_TIMESTAMP_V3)) {
            out.add(new ArchiveTimestamp(t, 3));
        }
        for (TimeStampToken t : tokens(CadesOids.ARCHIVE_TIMESTAMP_V2)) {
            out.add(new ArchiveTimestamp(t, 2));
        }
        return out;
    }

    /** An archive time-stamp with its version. */
    public record ArchiveTimestamp(TimeStampToken token, int version) {
    }

    /** How many time-stamp attribute values could not be decoded as tokens. */
    public int undecodableTimestamps() {
        int bad = 0;
        for (ASN1ObjectIdentifier oid : List.of(CadesOids.SIGNATURE_TIMESTAMP, CadesOids.ARCHIVE_TIMESTAMP_V3,
                CadesOids.ARCHIVE_TIMESTAMP_V2, CadesOids.CONTENT_TIMESTAMP)) {
            for (ASN1Encodable v : values(oid, false)) {
                if (token(v).isEmpty()) {
                    bad++;
                }
            }
        }
        return bad;
    }

    private List<TimeStampToken> tokens(ASN1ObjectIdentifier oid) {
        List<TimeStampToken> out = new ArrayList<>();
        for (ASN1Encodable v : values(oid, oid.equals(CadesOids.CONTENT_TIMESTAMP))) {
            token(v).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<TimeStampToken> token(ASN1Encodable v) {
        try {
            return Optional.of(new TimeStampToken(ContentInfo.getInstance(v)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private List<ASN1Encodable> values(ASN1ObjectIdentifier oid, boolean signed) {
        AttributeTable table = signed ? signer.getSignedAttributes() : signer.getUnsignedAttributes();
        List<ASN1Encodable> out = new ArrayList<>();
        if (table == null) {
            return out;
        }
        org.bouncycastle.asn1.ASN1EncodableVector all = table.getAll(oid);
        for (int i = 0; i < all.size(); i++) {
            Attribute a = Attribute.getInstance(all.get(i));
            for (ASN1Encodable v : a.getAttrValues()) {
                out.add(v);
            }
        }
        return out;
    }

    /** The signature-policy-identifier, if present. */
    public Optional<PolicyReference> signaturePolicy() {
        Attribute a = signedAttribute(CadesOids.SIGNATURE_POLICY);
        if (a == null) {
            return Optional.empty();
        }
        try {
            ASN1Primitive v = a.getAttrValues().getObjectAt(0).toASN1Primitive();
            if (v instanceof org.bouncycastle.asn1.ASN1Null) {
                return Optional.of(new PolicyReference(null, null, new byte[0], true));
            }
            org.bouncycastle.asn1.esf.SignaturePolicyId id = org.bouncycastle.asn1.esf.SignaturePolicyId.getInstance(v);
            return Optional.of(new PolicyReference(id.getSigPolicyId().getId(),
                    id.getSigPolicyHash().getHashAlgorithm().getAlgorithm().getId(),
                    id.getSigPolicyHash().getHashValue().getOctets(), false));
        } catch (RuntimeException e) {
            return Optional.of(new PolicyReference("malformed", null, new byte[0], false));
        }
    }

    /** The signature-policy-identifier's content: OID, hash algorithm and hash (implied: no OID). */
    public record PolicyReference(String oid, String hashAlgorithmOid, byte[] hash, boolean implied) {
    }

    /** The policy document carried in a signature-policy-store attribute (sigPolicyEncoded), if any. */
    public Optional<byte[]> storedPolicy() {
        Attribute a = unsignedAttribute(CadesOids.SIGNATURE_POLICY_STORE);
        if (a == null) {
            return Optional.empty();
        }
        try {
            ASN1Sequence store = ASN1Sequence.getInstance(a.getAttrValues().getObjectAt(0));
            ASN1Encodable doc = store.getObjectAt(1);
            if (doc instanceof ASN1OctetString os) {
                return Optional.of(os.getOctets());
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** OIDs of the signed attributes present. */
    public List<String> signedAttributeOids() {
        return attributeOids(signer.getSignedAttributes());
    }

    /** OIDs of the unsigned attributes present. */
    public List<String> unsignedAttributeOids() {
        return attributeOids(signer.getUnsignedAttributes());
    }

    private static List<String> attributeOids(AttributeTable table) {
        if (table == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        org.bouncycastle.asn1.ASN1EncodableVector all = table.toASN1EncodableVector();
        for (int i = 0; i < all.size(); i++) {
            String oid = Attribute.getInstance(all.get(i)).getAttrType().getId();
            if (!out.contains(oid)) {
                out.add(oid);
            }
        }
        return out;
    }

    /** EN 319 122-1 §6.3 baseline level, or CMS when the signature has no ESS signing-certificate. */
    public String level() {
        List<String> signed = signedAttributeOids();
        boolean essCert = signed.contains(CadesOids.SIGNING_CERTIFICATE.getId())
                || signed.contains(CadesOids.SIGNING_CERTIFICATE_V2.getId());
        if (!essCert || !signed.contains(CadesOids.SIGNING_TIME.getId())) {
            return essCert ? "CAdES-BES" : "CMS";
        }
        List<String> unsigned = unsignedAttributeOids();
        boolean legacyValues = unsigned.contains(CadesOids.CERTIFICATE_VALUES.getId())
                || unsigned.contains(CadesOids.REVOCATION_VALUES.getId());
        if (unsigned.contains(CadesOids.ARCHIVE_TIMESTAMP_V3.getId()) && !legacyValues) {
            return "CAdES-BASELINE-LTA";
        }
        if (unsigned.contains(CadesOids.SIGNATURE_TIMESTAMP.getId())) {
            boolean hasRevocation = !signedData.getCRLs().getMatches(null).isEmpty()
                    || !otherRevocation(CadesOids.OCSP_RESPONSE_FORMAT).isEmpty()
                    || !otherRevocation(CadesOids.OCSP_BASIC_FORMAT).isEmpty();
            return hasRevocation && !legacyValues ? "CAdES-BASELINE-LT" : "CAdES-BASELINE-T";
        }
        return "CAdES-BASELINE-B";
    }

    /** The RFC 5126 / TS 101 733 form (CAdES-BES ... CAdES-A), or null for a plain CMS signature. */
    public String legacyForm() {
        List<String> signed = signedAttributeOids();
        boolean essCert = signed.contains(CadesOids.SIGNING_CERTIFICATE.getId())
                || signed.contains(CadesOids.SIGNING_CERTIFICATE_V2.getId());
        if (!essCert) {
            return null;
        }
        List<String> u = unsignedAttributeOids();
        if (u.contains(CadesOids.ARCHIVE_TIMESTAMP_V3.getId()) || u.contains(CadesOids.ARCHIVE_TIMESTAMP_V2.getId())) {
            return "CAdES-A";
        }
        boolean refs = u.contains(CadesOids.COMPLETE_CERT_REFS.getId()) && u.contains(CadesOids.COMPLETE_REVOCATION_REFS.getId());
        boolean values = u.contains(CadesOids.CERTIFICATE_VALUES.getId()) && u.contains(CadesOids.REVOCATION_VALUES.getId());
        boolean x = u.contains(CadesOids.ESC_TIMESTAMP.getId()) || u.contains(CadesOids.CERT_CRL_TIMESTAMP.getId());
        if (refs && values) {
            return "CAdES-X-L";
        }
        if (refs && x) {
            return "CAdES-X";
        }
        if (refs) {
            return "CAdES-C";
        }
        if (u.contains(CadesOids.SIGNATURE_TIMESTAMP.getId())) {
            return "CAdES-T";
        }
        return signed.contains(CadesOids.SIGNATURE_POLICY.getId()) ? "CAdES-EPES" : "CAdES-BES";
    }

    Attribute signedAttribute(ASN1ObjectIdentifier oid) {
        AttributeTable t = signer.getSignedAttributes();
        return t == null ? null : t.get(oid);
    }

    Attribute unsignedAttribute(ASN1ObjectIdentifier oid) {
        AttributeTable t = signer.getUnsignedAttributes();
        return t == null ? null : t.get(oid);
    }

    /** The root SignedData structure (for archive-time-stamp imprints). */
    SignedData signedDataStructure() {
        return SignedData.getInstance(signedData.toASN1Structure().getContent());
    }

    static byte[] encode(ASN1Encodable e) {
        try {
            return e.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException ex) {
            return new byte[0];
        }
    }

    private static Optional<X509Certificate> toX509(Certificate c) {
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(c.getEncoded())));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** All certificates inside a time-stamp token's SignedData. */
    public static List<X509Certificate> certificatesOf(TimeStampToken token) {
        List<X509Certificate> out = new ArrayList<>();
        Collection<?> matches = token.getCertificates().getMatches(null);
        for (Object h : matches) {
            toX509(((org.bouncycastle.cert.X509CertificateHolder) h).toASN1Structure()).ifPresent(out::add);
        }
        return out;
    }

    /** CRLs and OCSP responses inside a time-stamp token's SignedData (and its unsigned values). */
    public static List<byte[]> crlsOf(TimeStampToken token) {
        List<byte[]> out = new ArrayList<>();
        for (Object h : token.getCRLs().getMatches(null)) {
            out.add(encode(((org.bouncycastle.cert.X509CRLHolder) h).toASN1Structure()));
        }
        return out;
    }

    static boolean isTagged(ASN1Encodable e, int tag) {
        return e instanceof ASN1TaggedObject t && t.getTagNo() == tag;
    }

    static ASN1Set set(ASN1Encodable e) {
        return ASN1Set.getInstance(e);
    }

    static OtherRevocationInfoFormat other(ASN1Encodable e) {
        return OtherRevocationInfoFormat.getInstance(e);
    }
}
