package dev.vellum.formats.attribute;

import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.cms.Encodings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.cms.CMSAlgorithmProtection;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.esf.CrlIdentifier;
import org.bouncycastle.asn1.esf.CrlOcspRef;
import org.bouncycastle.asn1.esf.CrlValidatedID;
import org.bouncycastle.asn1.esf.OcspResponsesID;
import org.bouncycastle.asn1.esf.OtherHash;
import org.bouncycastle.asn1.esf.SigPolicyQualifierInfo;
import org.bouncycastle.asn1.esf.SignaturePolicyId;
import org.bouncycastle.asn1.esf.SignaturePolicyIdentifier;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.OtherCertID;
import org.bouncycastle.asn1.ocsp.ResponderID;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x500.DirectoryString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.util.encoders.Hex;

/**
 * Decoders from one AttributeValue to our typed records. Each throws {@link IllegalArgumentException}
 * (or a Bouncy Castle runtime exception) on a malformed value; callers record the reason.
 */
final class AttributeValues {
    private AttributeValues() {
    }

    static String contentType(ASN1Encodable v) {
        return ASN1ObjectIdentifier.getInstance(v).getId();
    }

    static byte[] octets(ASN1Encodable v) {
        return ASN1OctetString.getInstance(v).getOctets();
    }

    static Instant signingTime(ASN1Encodable v) {
        Time time = Time.getInstance(v);
        if (time.toASN1Primitive() instanceof ASN1UTCTime utc) {
            Optional<Instant> plain = plainUtcTime(utc);
            if (plain.isPresent()) {
                return plain.get();
            }
        }
        return time.getDate().toInstant();
    }

    /**
     * A UTCTime of the RFC 5280 §4.1.2.5.1 form YYMMDDHHMMSSZ with every field in range, read
     * directly (years 50-99 are 19YY, as Bouncy Castle's getAdjustedDate reads them); any other form
     * is left to Bouncy Castle, whose lenient SimpleDateFormat parsing is slower.
     */
    static Optional<Instant> plainUtcTime(ASN1UTCTime utc) {
        byte[] tlv;
        try {
            tlv = utc.getEncoded();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (tlv.length != 15 || tlv[1] != 13 || tlv[14] != 'Z') {
            return Optional.empty();
        }
        for (int i = 2; i < 14; i++) {
            if (tlv[i] < '0' || tlv[i] > '9') {
                return Optional.empty();
            }
        }
        int yy = twoDigits(tlv, 2);
        int month = twoDigits(tlv, 4);
        int day = twoDigits(tlv, 6);
        int hour = twoDigits(tlv, 8);
        int minute = twoDigits(tlv, 10);
        int second = twoDigits(tlv, 12);
        int year = (yy < 50 ? 2000 : 1900) + yy;
        if (month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59) {
            return Optional.empty();
        }
        return Optional.of(java.time.LocalDateTime.of(year, month, day, hour, minute, second)
                .toInstant(java.time.ZoneOffset.UTC));
    }

    private static int twoDigits(byte[] b, int at) {
        return (b[at] - '0') * 10 + (b[at + 1] - '0');
    }

    static String mimeType(ASN1Encodable v) {
        return ((ASN1String) v).getString();
    }

    static List<CertificateRef> signingCertificateV1(ASN1Encodable v) {
        List<CertificateRef> refs = new ArrayList<>();
        for (ESSCertID id : org.bouncycastle.asn1.ess.SigningCertificate.getInstance(v).getCerts()) {
            refs.add(new CertificateRef(CertificateRef.Source.ESS_CERT_ID, OIWObjectIdentifiers.idSHA1.getId(),
                    id.getCertHash(), issuerSerial(id.getIssuerSerial())));
        }
        return refs;
    }

    static List<CertificateRef> signingCertificateV2(ASN1Encodable v) {
        List<CertificateRef> refs = new ArrayList<>();
        for (ESSCertIDv2 id : org.bouncycastle.asn1.ess.SigningCertificateV2.getInstance(v).getCerts()) {
            refs.add(new CertificateRef(CertificateRef.Source.ESS_CERT_ID_V2, id.getHashAlgorithm().getAlgorithm().getId(),
                    id.getCertHash(), issuerSerial(id.getIssuerSerial())));
        }
        return refs;
    }

    static List<CertificateRef> otherCertIds(ASN1Encodable v) {
        List<CertificateRef> refs = new ArrayList<>();
        for (ASN1Encodable e : ASN1Sequence.getInstance(v)) {
            refs.add(otherCertId(OtherCertID.getInstance(e)));
        }
        return refs;
    }

    static List<CertificateRef> otherSigningCertificate(ASN1Encodable v) {
        List<CertificateRef> refs = new ArrayList<>();
        ASN1Sequence certs = ASN1Sequence.getInstance(ASN1Sequence.getInstance(v).getObjectAt(0));
        for (ASN1Encodable e : certs) {
            refs.add(otherCertId(OtherCertID.getInstance(e)));
        }
        return refs;
    }

    private static CertificateRef otherCertId(OtherCertID id) {
        return new CertificateRef(CertificateRef.Source.OTHER_CERT_ID, id.getAlgorithmHash().getAlgorithm().getId(),
                id.getCertHash(), issuerSerial(id.getIssuerSerial()));
    }

    static Optional<IssuerSerialRef> issuerSerial(IssuerSerial is) {
        if (is == null) {
            return Optional.empty();
        }
        Optional<X500Principal> issuer = Optional.empty();
        for (GeneralName name : is.getIssuer().getNames()) {
            if (name.getTagNo() == GeneralName.directoryName) {
                issuer = Optional.of(new X500Principal(Encodings.der(name.getName())));
                break;
            }
        }
        return Optional.of(new IssuerSerialRef(issuer, is.getSerial().getValue()));
    }

    static dev.vellum.formats.attribute.SignaturePolicyId signaturePolicy(ASN1Encodable v) {
        SignaturePolicyIdentifier spi = SignaturePolicyIdentifier.getInstance(v);
        SignaturePolicyId id = spi.getSignaturePolicyId();
        if (id == null) {
            return new dev.vellum.formats.attribute.SignaturePolicyId(Optional.empty(), Optional.empty(), new byte[0],
                    Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        }
        Optional<String> uri = Optional.empty();
        Optional<String> notice = Optional.empty();
        Optional<String> docSpec = Optional.empty();
        List<String> qualifierOids = new ArrayList<>();
        if (id.getSigPolicyQualifiers() != null) {
            for (int i = 0; i < id.getSigPolicyQualifiers().size(); i++) {
                SigPolicyQualifierInfo q = id.getSigPolicyQualifiers().getInfoAt(i);
                ASN1ObjectIdentifier qid = q.getSigPolicyQualifierId();
                qualifierOids.add(qid.getId());
                ASN1Encodable qv = q.getSigQualifier();
                if (qid.equals(CadesOids.SP_URI)) {
                    uri = Optional.of(((ASN1String) qv).getString());
                } else if (qid.equals(CadesOids.SP_USER_NOTICE)) {
                    notice = explicitText(qv);
                } else if (qid.equals(CadesOids.SP_DOC_SPECIFICATION)) {
                    // SPDocSpecification ::= CHOICE { oid, uri } — a CHOICE, not a SEQUENCE (STANDARDS.md §1.1)
                    docSpec = Optional.of(qv instanceof ASN1ObjectIdentifier o ? o.getId() : ((ASN1String) qv).getString());
                }
            }
        }
        return new dev.vellum.formats.attribute.SignaturePolicyId(Optional.of(id.getSigPolicyId().getId()),
                Optional.of(id.getSigPolicyHash().getHashAlgorithm().getAlgorithm().getId()),
                id.getSigPolicyHash().getHashValue().getOctets(), uri, notice, docSpec, qualifierOids);
    }

    private static Optional<String> explicitText(ASN1Encodable qv) {
        for (ASN1Encodable e : ASN1Sequence.getInstance(qv)) {
            if (e instanceof ASN1String s) {
                return Optional.of(s.getString());
            }
        }
        return Optional.empty();
    }

    static CommitmentTypeIndication commitmentType(ASN1Encodable v) {
        ASN1Sequence seq = ASN1Sequence.getInstance(v);
        String type = ASN1ObjectIdentifier.getInstance(seq.getObjectAt(0)).getId();
        List<String> qualifiers = new ArrayList<>();
        if (seq.size() > 1) {
            for (ASN1Encodable q : ASN1Sequence.getInstance(seq.getObjectAt(1))) {
                qualifiers.add(ASN1ObjectIdentifier.getInstance(ASN1Sequence.getInstance(q).getObjectAt(0)).getId());
            }
        }
        return new CommitmentTypeIndication(type, qualifiers);
    }

    static SignerLocation signerLocation(ASN1Encodable v) {
        Optional<String> country = Optional.empty();
        Optional<String> locality = Optional.empty();
        List<String> postal = new ArrayList<>();
        for (ASN1Encodable e : ASN1Sequence.getInstance(v)) {
            ASN1TaggedObject t = ASN1TaggedObject.getInstance(e);
            switch (t.getTagNo()) {
                case 0 -> country = Optional.of(DirectoryString.getInstance(t, true).getString());
                case 1 -> locality = Optional.of(DirectoryString.getInstance(t, true).getString());
                case 2 -> {
                    for (ASN1Encodable line : ASN1Sequence.getInstance(t, true)) {
                        postal.add(DirectoryString.getInstance(line).getString());
                    }
                }
                default -> throw new IllegalArgumentException("unknown SignerLocation field [" + t.getTagNo() + "]");
            }
        }
        return new SignerLocation(country, locality, postal);
    }

    static ContentHints contentHints(ASN1Encodable v) {
        org.bouncycastle.asn1.ess.ContentHints ch = org.bouncycastle.asn1.ess.ContentHints.getInstance(v);
        return new ContentHints(Optional.ofNullable(ch.getContentDescription()).map(s -> s.getString()),
                ch.getContentType().getId());
    }

    static SecurityLabel securityLabel(ASN1Encodable v) {
        Optional<String> policy = Optional.empty();
        Optional<Integer> classification = Optional.empty();
        Optional<String> mark = Optional.empty();
        for (ASN1Encodable e : org.bouncycastle.asn1.ASN1Set.getInstance(v)) {
            if (e instanceof ASN1ObjectIdentifier o) {
                policy = Optional.of(o.getId());
            } else if (e instanceof ASN1Integer i) {
                classification = Optional.of(i.intValueExact());
            } else if (e instanceof ASN1String s) {
                mark = Optional.of(s.getString());
            }
        }
        return new SecurityLabel(policy, classification, mark, Encodings.der(v));
    }

    static ReceiptRequest receiptRequest(ASN1Encodable v) {
        ASN1Sequence seq = ASN1Sequence.getInstance(v);
        return new ReceiptRequest(ASN1OctetString.getInstance(seq.getObjectAt(0)).getOctets(), Encodings.der(v));
    }

    static AlgorithmProtection algorithmProtection(ASN1Encodable v) {
        CMSAlgorithmProtection p = CMSAlgorithmProtection.getInstance(v);
        return new AlgorithmProtection(p.getDigestAlgorithm().getAlgorithm().getId(),
                Optional.ofNullable(p.getSignatureAlgorithm()).map(a -> a.getAlgorithm().getId()),
                Optional.ofNullable(p.getMacAlgorithm()).map(a -> a.getAlgorithm().getId()));
    }

    static List<RevocationRefs> revocationRefs(ASN1Encodable v) {
        List<RevocationRefs> refs = new ArrayList<>();
        for (ASN1Encodable e : ASN1Sequence.getInstance(v)) {
            CrlOcspRef ref = CrlOcspRef.getInstance(e);
            List<CrlRef> crls = new ArrayList<>();
            if (ref.getCrlids() != null) {
                for (CrlValidatedID id : ref.getCrlids().getCrls()) {
                    OtherHash h = id.getCrlHash();
                    CrlIdentifier ci = id.getCrlIdentifier();
                    crls.add(new CrlRef(h.getHashAlgorithm().getAlgorithm().getId(), h.getHashValue(),
                            ci == null ? Optional.empty() : Optional.of(new X500Principal(Encodings.der(ci.getCrlIssuer()))),
                            ci == null ? Optional.empty() : Optional.of(utcInstant(ci.getCrlIssuedTime())),
                            ci == null ? Optional.empty() : Optional.ofNullable(ci.getCrlNumber())));
                }
            }
            List<OcspRef> ocsps = new ArrayList<>();
            if (ref.getOcspids() != null) {
                for (OcspResponsesID id : ref.getOcspids().getOcspResponses()) {
                    OtherHash h = id.getOcspRepHash();
                    ocsps.add(new OcspRef(responderId(id.getOcspIdentifier().getOcspResponderID()),
                            generalizedInstant(id.getOcspIdentifier().getProducedAt()),
                            Optional.ofNullable(h).map(x -> x.getHashAlgorithm().getAlgorithm().getId()),
                            Optional.ofNullable(h).map(OtherHash::getHashValue)));
                }
            }
            refs.add(new RevocationRefs(crls, ocsps, ref.getOtherRev() != null));
        }
        return refs;
    }

    private static String responderId(ResponderID id) {
        if (id.getName() != null) {
            return new X500Principal(Encodings.der(id.getName())).getName();
        }
        return Hex.toHexString(id.getKeyHash());
    }

    private static Instant utcInstant(ASN1UTCTime t) {
        try {
            return t.getAdjustedDate().toInstant();
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("bad UTCTime " + t, e);
        }
    }

    private static Instant generalizedInstant(ASN1GeneralizedTime t) {
        try {
            return t.getDate().toInstant();
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("bad GeneralizedTime " + t, e);
        }
    }

    static BigInteger integer(ASN1Encodable v) {
        return ASN1Integer.getInstance(v).getValue();
    }

    static byte[] encoded(ASN1Encodable v) {
        try {
            return v.toASN1Primitive().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
