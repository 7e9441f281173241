package dev.vellum.formats.timestamp;

import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.cms.Encodings;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/** Reads ats-hash-index v1/v2/v3 and builds v3 (EN 319 122-1 §5.5.2, STANDARDS.md §1.2 F1). */
public final class AtsHashIndexCodec {
    private AtsHashIndexCodec() {
    }

    /** Parses an ats-hash-index attribute from an ATSv3 token's unsigned attributes. */
    public static AtsHashIndex parse(Attribute attribute) {
        ASN1ObjectIdentifier type = attribute.getAttrType();
        int version = type.equals(CadesOids.ATS_HASH_INDEX_V3) ? 3 : type.equals(CadesOids.ATS_HASH_INDEX_V2) ? 2 : 1;
        if (attribute.getAttrValues().size() != 1) {
            throw new IllegalArgumentException("ats-hash-index must have exactly one value, has "
                    + attribute.getAttrValues().size());
        }
        ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
        ASN1Sequence seq = ASN1Sequence.getInstance(value);
        int i = 0;
        String alg = NISTObjectIdentifiers.id_sha256.getId(); // v1 DEFAULT; v3 always encodes it (trap 2)
        if (seq.size() == 4) {
            alg = AlgorithmIdentifier.getInstance(seq.getObjectAt(0)).getAlgorithm().getId();
            i = 1;
        } else if (seq.size() != 3) {
            throw new IllegalArgumentException("ats-hash-index has " + seq.size() + " elements, expected 3 or 4");
        } else if (version == 3) {
            throw new IllegalArgumentException("ats-hash-index-v3 lacks hashIndAlgorithm");
        }
        return new AtsHashIndex(version, alg, octets(seq.getObjectAt(i)), octets(seq.getObjectAt(i + 1)),
                octets(seq.getObjectAt(i + 2)), Encodings.asStored(value));
    }

    private static List<byte[]> octets(ASN1Encodable e) {
        List<byte[]> out = new ArrayList<>();
        for (ASN1Encodable o : ASN1Sequence.getInstance(e)) {
            out.add(ASN1OctetString.getInstance(o).getOctets());
        }
        return out;
    }

    /**
     * Builds the ATSHashIndexV3 value over what the signature holds now (STANDARDS.md §1.2 F1):
     * H(each CertificateChoices TLV), H(each RevocationInfoChoice TLV — OCSP with its A1 tag, trap 3),
     * H(attrType TLV ‖ AttributeValue TLV) per value of every unsigned attribute.
     */
    public static ASN1Sequence buildV3(String hashOid, List<ASN1Encodable> certificateChoices,
                                       List<ASN1Encodable> revocationChoices, List<Attribute> unsignedAttributes) {
        ASN1EncodableVector certs = new ASN1EncodableVector();
        for (ASN1Encodable c : certificateChoices) {
            certs.add(new DEROctetString(Digests.digest(hashOid, Encodings.asStored(c))));
        }
        ASN1EncodableVector crls = new ASN1EncodableVector();
        for (ASN1Encodable r : revocationChoices) {
            crls.add(new DEROctetString(Digests.digest(hashOid, Encodings.asStored(r))));
        }
        ASN1EncodableVector attrs = new ASN1EncodableVector();
        for (byte[] h : unsignedAttributeValueHashes(hashOid, unsignedAttributes)) {
            attrs.add(new DEROctetString(h));
        }
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new AlgorithmIdentifier(new ASN1ObjectIdentifier(hashOid))); // always encoded: no DEFAULT in v3
        v.add(new DERSequence(certs));
        v.add(new DERSequence(crls));
        v.add(new DERSequence(attrs));
        return new DERSequence(v);
    }

    /** v3 entries: H(attrType TLV ‖ AttributeValue TLV) for every value (EN 319 122-1 §5.5.2). */
    public static List<byte[]> unsignedAttributeValueHashes(String hashOid, List<Attribute> unsignedAttributes) {
        List<byte[]> out = new ArrayList<>();
        for (Attribute a : unsignedAttributes) {
            byte[] type = Encodings.asStored(a.getAttrType());
            for (ASN1Encodable value : a.getAttrValues()) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                buf.writeBytes(type);
                buf.writeBytes(Encodings.asStored(value));
                out.add(Digests.digest(hashOid, buf.toByteArray()));
            }
        }
        return out;
    }

    /** H(each input): the v3 entries from {@code UnsignedAttributes.typeAndValueEncodings()} (EN 319 122-1 §5.5.2). */
    public static List<byte[]> digests(String hashOid, List<byte[]> inputs) {
        MessageDigest md = Digests.forOid(hashOid);
        List<byte[]> out = new ArrayList<>(inputs.size());
        for (byte[] input : inputs) {
            out.add(md.digest(input));
        }
        return out;
    }

    /** v1/v2 entries: H(whole Attribute) per attribute (STANDARDS.md §1.2 F2). */
    public static List<byte[]> unsignedAttributeHashes(String hashOid, List<Attribute> unsignedAttributes) {
        List<byte[]> out = new ArrayList<>();
        for (Attribute a : unsignedAttributes) {
            MessageDigest md = Digests.forOid(hashOid);
            out.add(md.digest(Encodings.asStored(a)));
        }
        return out;
    }
}
